/**
 * Worker threads that run a TypeScript module. The project runs its TypeScript through tsx, with no
 * build step, and a worker does not inherit the loader its parent registered: a small plain-JS boot
 * script registers tsx in the worker, then imports the module, which starts work on `workerData`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker running the TypeScript module at `entry` (a file URL, usually `new URL('./x.ts', import.meta.url)`).
 * @example const worker = startTsWorker(new URL('./chunk-worker.ts', import.meta.url), { path })
 */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  // tsx's ES module entry: its CommonJS entry (what require.resolve finds) fails to register from
  // a worker when the main thread already runs under tsx (it resolves its loader one folder off).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
