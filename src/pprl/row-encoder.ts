/** One CSV row to its encoded NDJSON line: standardise, CLK, blocking keys. Shared by the main thread and the workers. */
import type { LinkMap } from '../link/index.ts';
import { createBlockingKeyer } from './blocking-keys.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import { createClkEncoder } from './clk-encoder.ts';
import { encodeLine } from './clk-file.ts';
import { createRowStandardiser } from './record-standardiser.ts';

export type CsvRow = Readonly<Record<string, string | undefined>>;

/** Builds the row encoder for a schema, secret and map. */
export function createRowEncoder(schema: LinkageSchema, secret: Uint8Array, map: LinkMap): (row: CsvRow) => string {
  const encode = createClkEncoder(schema, secret);
  const keyer = createBlockingKeyer(schema, secret);
  const standardise = createRowStandardiser(map);
  return (row) => {
    const std = standardise(row);
    return encodeLine(std.id, encode(std), keyer(std));
  };
}
