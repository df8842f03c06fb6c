/** `encodeCsvFile` on awkward files: the CSV dialect, and errors that name the file and row. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LinkMapSchema } from '../../src/link/index.ts';
import { encodeCsvFile } from '../../src/pprl/index.ts';
import { FEBRL_MAP } from './febrl-generator.ts';

const dir = mkdtempSync(join(tmpdir(), 'pprl-encode-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const map = LinkMapSchema.parse(FEBRL_MAP);
const secret = new TextEncoder().encode('a partnership secret of enough length');
const header = 'rec_id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id';

async function encode(name: string, text: string, threads = 1, mainThreadEncodes = true): Promise<string[]> {
  writeFileSync(join(dir, `${name}.csv`), text);
  await encodeCsvFile({ input: join(dir, `${name}.csv`), map, secret, out: join(dir, `${name}.clk.ndjson`), seed: '1', threads, mainThreadEncodes });
  return readFileSync(join(dir, `${name}.clk.ndjson`), 'utf8').trim().split('\n').sort();
}

describe('encodeCsvFile', () => {
  it('reads a byte-order mark, CRLF, blank lines, padding and quoted fields as the plain file', async () => {
    const plain = await encode('plain', `${header}\nr1,anna,smith,8,stanley street,,belconnen,2617,act,19840305,5304218\nr2,bob,jones,1,high road,unit 7,perth,6000,wa,19700101,1826911\n`);
    const awkward = await encode('awkward', `\uFEFF${header}\r\n\r\n r1 , anna ,"smith",8,"stanley street",,belconnen,2617,act,19840305,5304218\r\nr2,bob,jones,1,"high road","unit 7",perth,6000,wa,19700101,1826911`);
    expect(awkward).toEqual(plain);
  });

  it('gives the same lines in the main thread, in workers alone, and in both, for a file cut into many chunks', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `r${i},"ann, ${i % 50}",smith${i % 70},${i % 9},"high\nroad",,perth,${6000 + (i % 40)},wa,1970${String(1 + (i % 12)).padStart(2, '0')}01,${1000000 + i}`);
    const text = `${header}\n${rows.join('\n')}\n`;
    const inMain = await encode('many-1', text, 1);
    expect(await encode('many-workers', text, 3, false)).toEqual(inMain);
    expect(await encode('many-both', text, 2)).toEqual(inMain);
  });

  it('names the file and row of a missing or repeated id, and of broken quoting', async () => {
    await expect(encode('no-id', `${header}\nr1,anna\n,bob\n`)).rejects.toThrow(/no-id\.csv: row 3 has no record id in column "rec_id"/);
    await expect(encode('twice', `${header}\nr1,anna\nr2,bob\nr1,cat\n`)).rejects.toThrow(/twice\.csv: rows 2 and 4 share the record id "r1"/);
    await expect(encode('quote', `${header}\nr1,anna\nr2,"bob\nr3,cat\n`)).rejects.toThrow(/quote\.csv: row 3: a quoted field is never closed/);
    const late = `${header}\n${Array.from({ length: 3000 }, (_, i) => `r${i},anna,smith,1,high road,,perth,6000,wa,19700101,${i}`).join('\n')}\nr3000,x"y\n`;
    await expect(encode('late-quote', late, 2, false)).rejects.toThrow(/late-quote\.csv: row 3002: a quote inside an unquoted field/);
    await expect(encode('header', 'id,given_name\nr1,anna\n')).rejects.toThrow(/the id column "rec_id" named in the map is not in the header \(id, given_name\)/);
  });

  it('writes nothing but the schema for a file with only a header', async () => {
    expect(await encode('empty', `${header}\n`)).toEqual(['']);
  });
});
