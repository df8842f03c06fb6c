/**
 * A streaming text file: writes are buffered and flushed in chunks of about a megabyte, so
 * extracts of any size are written without building one large string.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK = 1 << 20;

export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  private closed = false;
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  /** Appends text (a line should carry its own newline). */
  write(text: string): void {
    if (this.closed) throw new Error(`write after close: ${this.path}`);
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, buffer);
    this.bytes += buffer.length;
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
