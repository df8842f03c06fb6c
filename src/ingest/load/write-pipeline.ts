/**
 * The writes of one load, in order, with a few outstanding at a time: the store works through the
 * ones it has while Node maps and prepares the next chunk, so that neither waits for the other when
 * one chunk takes a little longer on one side. A failed write is kept and thrown at the next `add`
 * or at `drain` — never left as a rejection nobody awaits.
 */

export interface WritePipeline {
  /** Waits until fewer than `depth` writes are outstanding (throwing a failure), then starts `write`. */
  add(write: () => Promise<void>): Promise<void>;
  /** Waits for every write; throws the first failure. */
  drain(): Promise<void>;
}

/**
 * `depth` writes may be outstanding at once; each starts when the one before it has finished (the
 * load has one connection, and a connection runs one statement at a time: queueing statements on it
 * is deprecated in node-postgres), so the store takes them in order while Node prepares the next.
 * @example const writes = writePipeline(2); await writes.add(() => writePrepared(tx, batch, chunk)); … await writes.drain();
 */
export function writePipeline(depth: number): WritePipeline {
  const pending: Promise<void>[] = [];
  let last: Promise<void> = Promise.resolve();
  let failure: { readonly error: unknown } | null = null;
  const thrown = (): void => {
    if (failure) throw failure.error;
  };
  return {
    async add(write) {
      while (pending.length >= depth) await pending.shift();
      thrown();
      // after a failure the transaction is lost: the writes still queued are not started
      last = last.then(() => (failure ? undefined : write())).catch((error: unknown) => {
        failure ??= { error };
      });
      pending.push(last);
    },
    async drain() {
      while (pending.length > 0) await pending.shift();
      thrown();
    },
  };
}
