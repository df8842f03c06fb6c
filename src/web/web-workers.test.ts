import { describe, expect, it } from 'vitest';
import { perWorkerRateLimit, webWorkerCount } from './web-workers.ts';

describe('web workers', () => {
  it('serves with --workers, else TRIBUTARY_WEB_WORKERS, else one per core on PostgreSQL and one on a local store', () => {
    expect(webWorkerCount('3', { TRIBUTARY_WEB_WORKERS: '2' }, true)).toBe(3);
    expect(webWorkerCount(undefined, { TRIBUTARY_WEB_WORKERS: '2' }, true)).toBe(2);
    expect(webWorkerCount(undefined, {}, true)).toBeGreaterThanOrEqual(1);
    expect(webWorkerCount(undefined, {}, false)).toBe(1);
    expect(webWorkerCount('1', {}, false)).toBe(1);
  });

  it('refuses a count that is not a whole number, and several processes on a local store', () => {
    expect(() => webWorkerCount('two', {}, true)).toThrow(/--workers two: give a whole number/);
    expect(() => webWorkerCount(undefined, { TRIBUTARY_WEB_WORKERS: '0' }, true)).toThrow(/TRIBUTARY_WEB_WORKERS 0/);
    expect(() => webWorkerCount('2', {}, false)).toThrow(/need a PostgreSQL store/);
  });

  it('shares the sign-in limit out so that all workers together allow at most the limit', () => {
    expect(perWorkerRateLimit(10, 1)).toBe(10);
    expect(perWorkerRateLimit(10, 2)).toBe(5);
    expect(perWorkerRateLimit(10, 3)).toBe(3);
    expect(perWorkerRateLimit(1, 4)).toBe(1);
  });
});
