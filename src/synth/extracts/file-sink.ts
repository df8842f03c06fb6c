/**
 * A streaming text file: each write is copied straight into a one-megabyte byte buffer, which is
 * written out when full, so extracts of any size are written without building large strings
 * (and the small strings die young, which keeps garbage collection cheap).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK = 1 << 20;

/** One output file, written in chunks; `close` flushes the rest. */
export class FileSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private closed = false;
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  /** Appends text (a line should carry its own newline). */
  write(text: string): void {
    if (this.closed) throw new Error(`write after close: ${this.path}`);
    const most = text.length * 3;
    if (this.used + most > CHUNK) {
      this.flush();
      if (most > CHUNK) {
        this.bytes += writeSync(this.fd, text, null, 'utf8');
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.bytes += writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
