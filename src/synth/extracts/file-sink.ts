/**
 * A streaming text file: writes are buffered and flushed in chunks of about a megabyte, so
 * extracts of any size are written without building one large string.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK = 1 << 20;

/** One output file, written in chunks; `close` flushes the rest. */
export class FileSink {
  private readonly fd: number;
  private buffer = '';
  private closed = false;
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  /** Appends text (a line should carry its own newline). */
  write(text: string): void {
    if (this.closed) throw new Error(`write after close: ${this.path}`);
    this.buffer += text;
    if (this.buffer.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.bytes += writeSync(this.fd, this.buffer, null, 'utf8');
    this.buffer = '';
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
