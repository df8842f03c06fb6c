/**
 * Several binary COPYs sent to a PostgreSQL server in one round trip. node-postgres's usual COPY
 * (pg-copy-streams) sends the statement, waits for the server's go-ahead (CopyInResponse), sends the
 * data and waits for the result: two round trips a COPY, and each reply waits for the loader's event
 * loop, while the server, with nothing to do, waits too. Here the statements go as one simple query
 * (`COPY a FROM STDIN …; COPY b FROM STDIN …`) followed at once by each COPY's data and its CopyDone:
 * the server reads them in order, and answers once, when all are in. If one fails, the server sends
 * the error, ends the query and drops the copy messages still on their way (the protocol's rule for a
 * failed copy-in), so nothing after the failure is loaded: inside a transaction the transaction is
 * left aborted; outside one, the query's own implicit transaction is rolled back, earlier COPYs with it.
 */
import type pg from 'pg';

/** One COPY: `target` a table and its columns (`stage (a, b)`); `rows` a whole binary COPY stream, header and trailer included. */
export interface CopyIn {
  readonly target: string;
  readonly rows: Uint8Array;
}

/**
 * The most bytes of a stream sent in one CopyData message: a stream of any size goes as several (the
 * server takes a message of up to 1 GB; a chunk's streams are a few MB, so one message each).
 */
const MAX_MESSAGE = 64 * 2 ** 20;

/** The protocol's CopyDone message: type `c`, length 4. */
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

/** The socket part of node-postgres's (untyped) Connection that a submittable writes to. */
interface Connection {
  query(text: string): void;
  readonly stream: { write(data: Uint8Array): boolean };
}

/**
 * A node-postgres "submittable" (the interface pg-cursor and pg-copy-streams use): the client calls
 * `submit` when the connection is free and routes the server's replies to the `handle…` methods.
 */
class BinaryCopies {
  constructor(
    private readonly copies: readonly CopyIn[],
    private readonly maxMessage: number,
    private readonly settle: (error?: Error) => void,
  ) {}

  submit(connection: Connection): void {
    connection.query(this.copies.map((c) => `COPY ${c.target} FROM STDIN WITH (FORMAT binary)`).join('; '));
    for (const { rows } of this.copies) {
      for (let at = 0; at < rows.length; at += this.maxMessage) {
        const part = rows.subarray(at, at + this.maxMessage);
        const header = Buffer.allocUnsafe(5);
        header[0] = 0x64; // CopyData
        header.writeUInt32BE(part.length + 4, 1);
        connection.stream.write(header);
        connection.stream.write(part);
      }
      connection.stream.write(COPY_DONE);
    }
  }

  /** node-postgres replaces it when `query_timeout` is set; it must exist. */
  callback(): void {}
  /** The data is on its way already. */
  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.settle();
  }
  handleError(error: Error): void {
    this.settle(error);
  }
}

/**
 * COPYs `copies` in order on `client` in one round trip; resolves when the server has taken them
 * all, rejects with the server's error if any fails (the transaction is then aborted). An empty
 * stream is not sent. `maxMessage` (tests) is the most bytes of a stream in one CopyData message.
 */
export function copyInAll(client: pg.ClientBase, copies: readonly CopyIn[], maxMessage = MAX_MESSAGE): Promise<void> {
  const sent = copies.filter((c) => c.rows.length > 0);
  if (sent.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    void client.query(new BinaryCopies(sent, maxMessage, (error) => (error ? reject(error) : resolve())) as never);
  });
}
