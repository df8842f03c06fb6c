/**
 * Opens the system of record: PGlite in-process (data under a folder) by default, or a
 * PostgreSQL server when a connection URL is given. Both get the same schema and migrations.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { copyInAll, type CopyIn } from './copy-in.ts';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The low-level client both engines share: parameterised SQL returning plain rows. */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (DDL, COPY set-up). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with `COPY target FROM …` in PostgreSQL's binary format, each COPY in turn
   * (`rows`: the whole stream, header and trailer included; `CopyBinaryRows` in the ingest writes
   * it; `target` a table and its columns, `stage (a, b)`). The store's own clients have it
   * (PostgreSQL: COPY FROM STDIN, all of them in one round trip, `copy-in.ts`; PGlite: COPY FROM
   * '/dev/blob'); a temporary table is visible to it only inside `transaction`.
   */
  copyIn?(copies: readonly CopyIn[]): Promise<void>;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  readonly sql: SqlClient;
  /** Runs `work` in one transaction; it commits if `work` resolves and rolls back if it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite's folder; `memory://` for a throwaway in-memory store. */
  dataDir?: string;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /**
   * PostgreSQL only: name every statement that has parameters, so that each pooled connection
   * parses and plans it once and then reuses it (the server's plan cache decides between custom and
   * generic plans). For a long-running server whose statements are a fixed set (`tributary serve`):
   * the person page's eighteen statements cost about a third less server time. Off by default: a batch
   * job generating many one-off statements would only fill each connection's cache.
   */
  preparedStatements?: boolean;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Opens the store and applies pending migrations. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.preparedStatements ?? false)
    : await openPglite(options.dataDir ?? 'memory://');
  if (options.migrate ?? true) await migrateStore(store);
  return store;
}

async function migrateStore(store: Store): Promise<void> {
  if (store.kind === 'pglite') await migratePglite(store.db as never, { migrationsFolder });
  else await migratePg(store.db as never, { migrationsFolder });
}

async function openPglite(dataDir: string): Promise<Store> {
  const location = dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'pglite');
  if (!location.startsWith('memory://')) mkdirSync(location, { recursive: true });
  const client = await PGlite.create(location);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): SqlClient => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await q.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
    async copyIn(copies: readonly CopyIn[]) {
      for (const { target, rows } of copies) {
        if (rows.length > 0) await q.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT binary)`, [], { blob: new Blob([rows]) });
      }
    },
  });
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    sql: wrap(client),
    transaction: (work) => client.transaction((tx) => work(wrap(tx))),
    close: () => client.close(),
  };
}

/** A stable name per statement text, for PostgreSQL's named prepared statements. */
const statementNames = new Map<string, string>();
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `trb_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

async function openPostgres(url: string, prepared: boolean): Promise<Store> {
  // JIT compilation costs tens of milliseconds per statement and pays off only for long analytical
  // scans; the application's statements are short (a worklist page went from ~100 ms to a few), so off.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle connection the server closes (a restart, an administrator, DROP DATABASE … WITH (FORCE)
  // while the pool is closing) is dropped by the pool and replaced when next needed; without a
  // listener, Node would treat the pool's 'error' event as an uncaught exception and stop.
  pool.on('error', () => undefined);
  const wrap = (q: Pick<pg.PoolClient, 'query'>, conn?: pg.PoolClient): SqlClient => ({
    async query<T>(text: string, params: unknown[] = []) {
      // A statement without parameters may hold several commands, which cannot be prepared.
      if (prepared && params.length > 0) return (await q.query({ name: statementName(text), text, values: params })).rows as T[];
      return (await q.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await q.query(text);
    },
    async copyIn(copies: readonly CopyIn[]) {
      if (conn) return copyInAll(conn, copies);
      const own = await pool.connect();
      try { await copyInAll(own, copies); } finally { own.release(); }
    },
  });
  return {
    kind: 'postgres',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    sql: wrap(pool),
    async transaction(work) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await work(wrap(conn, conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
