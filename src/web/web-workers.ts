/**
 * Serving from one process per core (node:cluster). The primary forks the workers, which run the same
 * command and share the listening port; each worker builds its own app on its own PostgreSQL pool.
 * Everything that must hold across processes already lives in the database (sessions with their CSRF
 * token and stated purpose, account lockout, the audit chain under its advisory lock, the worklist's
 * read model); the sign-in rate limit is kept per process, so each worker allows its share of it
 * (`perWorkerRateLimit`). Used by `tributary serve` and by the web benchmark's server.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Set in the environment of the processes `forkWebWorkers` starts. */
const WORKER_ENV = 'TRIBUTARY_WEB_WORKER';

const WorkersSchema = z.coerce.number().int().min(1).max(256);

/**
 * How many processes serve: `--workers N`, else `TRIBUTARY_WEB_WORKERS`, else one per core. A store
 * in a local directory (PGlite) is opened by one process only, so it is always served by one.
 */
export function webWorkerCount(option: string | undefined, env: NodeJS.ProcessEnv, onPostgres: boolean): number {
  const given = option ?? env.TRIBUTARY_WEB_WORKERS;
  if (given !== undefined) {
    const parsed = WorkersSchema.safeParse(given);
    if (!parsed.success) throw new Error(`${option !== undefined ? '--workers' : 'TRIBUTARY_WEB_WORKERS'} ${given}: give a whole number of processes from 1 to 256`);
    if (parsed.data > 1 && !onPostgres) throw new Error(`${parsed.data} web workers need a PostgreSQL store (TRIBUTARY_DATABASE_URL); a local store is served by one process`);
    return parsed.data;
  }
  return onPostgres ? availableParallelism() : 1;
}

/** True in a process forked by `forkWebWorkers`. */
export function isWebWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_ENV] === '1';
}

/** The sign-in limit one of `workers` processes enforces, so that all of them together allow at most `max`. */
export function perWorkerRateLimit(max: number, workers: number): number {
  return Math.max(1, Math.floor(max / workers));
}

export interface WebWorkers {
  /** The address the workers listen on (they share it). */
  address: string;
  /** Stops every worker (each closes its app and store) and waits for them to exit. */
  stop(): Promise<void>;
}

/**
 * Forks `count` workers running this process's command with `env` added, and resolves once every one
 * of them listens. A worker that exits unexpectedly is replaced; one that fails to start fails this.
 */
export async function forkWebWorkers(count: number, env: Record<string, string>): Promise<WebWorkers> {
  // Under bin/run-ts.mjs the entry is a .ts file that plain node cannot load: give the workers tsx.
  if (process.argv[1]?.endsWith('.ts')) cluster.setupPrimary({ execArgv: [...process.execArgv, '--import', 'tsx'] });
  let stopping = false;
  const workerEnv = { ...env, [WORKER_ENV]: '1' };
  const fork = (): Promise<{ worker: Worker; address: string }> => new Promise((resolve, reject) => {
    const worker = cluster.fork(workerEnv);
    const onExit = (code: number | null) => reject(new Error(`web worker ${worker.process.pid} exited with ${code} before listening`));
    worker.once('exit', onExit);
    worker.on('message', (message: { listening?: string }) => {
      if (typeof message?.listening !== 'string') return;
      worker.off('exit', onExit);
      worker.once('exit', (code) => {
        if (stopping) return;
        console.error(`web worker ${worker.process.pid} exited with ${code}; starting another`);
        void fork().catch((error: unknown) => console.error(String(error)));
      });
      resolve({ worker, address: message.listening });
    });
  });
  const started = await Promise.all(Array.from({ length: count }, fork));
  return {
    address: started[0]!.address,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      })));
    },
  };
}

/** In a worker: tells the primary that this worker listens on `address`. */
export function reportListening(address: string): void {
  process.send?.({ listening: address });
}
