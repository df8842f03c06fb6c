/**
 * The encoded file: one JSON object per line, `{"id", "clk", "keys"}` — the agency's own record
 * id, the CLK in base64 and the base64 blocking keys. Nothing else leaves the agency.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64');

export const EncodedLineSchema = z.object({
  id: z.string().min(1),
  clk: Base64,
  keys: z.array(Base64),
}).strict();
export type EncodedLine = z.infer<typeof EncodedLineSchema>;

/** An encoded record in memory. */
export interface EncodedRecord {
  source: string;
  id: string;
  clk: Uint8Array;
  keys: readonly string[];
}

/** One source's encoded records. */
export interface EncodedSource {
  source: string;
  records: EncodedRecord[];
}

/** The source name of an encoded file: its base name up to the first dot (`a.clk.ndjson` → `a`). */
export function sourceName(path: string): string {
  return basename(path).split('.')[0] ?? basename(path);
}

/** The schema file written beside an encoded file (`a.clk.ndjson` → `a.clk.schema.json`). */
export function schemaPathFor(encodedPath: string): string {
  return `${encodedPath.replace(/\.ndjson$/, '')}.schema.json`;
}

/** Serialises one encoded record as its NDJSON line (without the newline). */
export function encodeLine(id: string, clk: Uint8Array, keys: readonly string[]): string {
  const b64 = Buffer.from(clk.buffer, clk.byteOffset, clk.byteLength).toString('base64');
  return `{"id":${JSON.stringify(id)},"clk":"${b64}","keys":[${keys.length ? `"${keys.join('","')}"` : ''}]}`;
}

/** Reads an encoded file, checking every line; errors name the file and line and say what to do. */
export async function readEncodedFile(path: string, source = sourceName(path)): Promise<EncodedSource> {
  const records: EncodedRecord[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let json: unknown;
    try { json = JSON.parse(line); } catch {
      throw new Error(`${path}:${lineNo}: not JSON. Is this a file written by \`tributary pprl encode\`?`);
    }
    const parsed = EncodedLineSchema.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'} ${i.message}`).join('; ');
      throw new Error(`${path}:${lineNo}: not an encoded record (${why}). Re-encode the file with \`tributary pprl encode\`.`);
    }
    const { id, clk, keys } = parsed.data;
    if (seen.has(id)) throw new Error(`${path}:${lineNo}: the record id "${id}" appears twice; ids must be unique within a file.`);
    seen.add(id);
    records.push({ source, id, clk: new Uint8Array(Buffer.from(clk, 'base64')), keys });
  }
  return { source, records };
}
