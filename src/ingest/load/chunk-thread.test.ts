import { describe, expect, it } from 'vitest';
import { THREAD_BYTES, threadPays } from './chunk-thread.ts';

describe('threadPays', () => {
  it.each([
    { engine: 'pglite', bytes: THREAD_BYTES, cores: 8, pays: false, why: 'PGlite: memory would grow with the file' },
    { engine: 'postgres', bytes: THREAD_BYTES, cores: 2, pays: false, why: 'two cores shared by the loader, the worker and the server' },
    { engine: 'postgres', bytes: THREAD_BYTES, cores: 4, pays: true, why: 'a core each' },
    { engine: 'postgres', bytes: THREAD_BYTES - 1, cores: 8, pays: false, why: 'too small to win back the start' },
    { engine: 'postgres', bytes: 1 << 30, cores: 1, pays: false, why: 'one core' },
  ] as const)('$engine, $bytes bytes, $cores cores: $pays ($why)', ({ engine, bytes, cores, pays }) => {
    expect(threadPays({ engine, bytes, cores })).toBe(pays);
  });
});
