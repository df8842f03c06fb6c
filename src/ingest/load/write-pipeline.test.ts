import { describe, expect, it } from 'vitest';
import { writePipeline } from './write-pipeline.ts';

/** A write that finishes when told to, noting when it started and ended. */
function controlled(log: string[], name: string) {
  let finish!: (error?: Error) => void;
  const done = new Promise<void>((resolve, reject) => { finish = (error) => (error ? reject(error) : resolve()); });
  return { finish, write: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`); } };
}

describe('writePipeline', () => {
  it('keeps at most `depth` writes outstanding, each started when the one before has finished', async () => {
    const log: string[] = [];
    const writes = writePipeline(2);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => controlled(log, n));
    await writes.add(a!.write);
    await writes.add(b!.write);
    const third = writes.add(c!.write);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a']);
    a!.finish();
    await third;
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b!.finish();
    c!.finish();
    await writes.drain();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('throws the first failure at the next add and at drain, with no rejection left unobserved', async () => {
    const writes = writePipeline(1);
    const first = controlled([], 'first');
    await writes.add(first.write);
    first.finish(new Error('the store refused it'));
    await expect(writes.add(async () => undefined)).rejects.toThrow('the store refused it');
    await expect(writes.drain()).rejects.toThrow('the store refused it');
  });

  it('starts no queued write after a failure', async () => {
    const log: string[] = [];
    const writes = writePipeline(3);
    const first = controlled(log, 'first');
    const second = controlled(log, 'second');
    await writes.add(first.write);
    await writes.add(second.write);
    first.finish(new Error('refused'));
    await expect(writes.drain()).rejects.toThrow('refused');
    expect(log).toEqual(['start first']);
  });
});
