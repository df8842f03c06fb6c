/**
 * Reads a binary COPY stream back into rows of raw field bytes (null for NULL), checking its header
 * and trailer: the inverse of `CopyBinaryRows`, for tests.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

export function readCopyBinary(stream: Buffer): (Buffer | null)[][] {
  if (!stream.subarray(0, 11).equals(SIGNATURE)) throw new Error('no binary COPY signature');
  if (stream.readInt32BE(11) !== 0 || stream.readInt32BE(15) !== 0) throw new Error('unexpected flags or header extension');
  const rows: (Buffer | null)[][] = [];
  let at = 19;
  for (;;) {
    const fields = stream.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < fields; f += 1) {
      const length = stream.readInt32BE(at);
      at += 4;
      if (length === -1) { row.push(null); continue; }
      row.push(stream.subarray(at, at + length));
      at += length;
    }
    rows.push(row);
  }
  if (at !== stream.length) throw new Error(`${stream.length - at} bytes after the trailer`);
  return rows;
}

/** A date field's ISO date (PostgreSQL counts days from 2000-01-01). */
export const dateOf = (field: Buffer): string => new Date(Date.UTC(2000, 0, 1) + field.readInt32BE(0) * 86_400_000).toISOString().slice(0, 10);

/** A jsonb field's value (after its format version byte). */
export const jsonbOf = (field: Buffer): unknown => {
  if (field[0] !== 1) throw new Error(`jsonb format version ${field[0]}`);
  return JSON.parse(field.subarray(1).toString('utf8'));
};
