import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, jsonbOf, readCopyBinary } from '../../../test/support/copy-binary-reader.ts';
import { emptyIdentifiers, type CanonicalRecord } from '../canonical-record.ts';
import { addMapped, emptyChunk, type Chunk } from './chunk.ts';
import { CopyBinaryRows } from './copy-binary.ts';
import { IDENTIFIER_KEYS, IDENTIFIER_TYPES, identifierFields, prepareChunk, prepareChunkInTurns } from './write-chunk.ts';

type MappedRow = Parameters<typeof addMapped>[1];
type TestEvent = { code: string; occurredOn: string; value: string | null };

/** A mapped row of a subject with these events (no contacts), for a chunk. */
const mappedRow = (localId: string, events: readonly TestEvent[], identifiers: Partial<CanonicalRecord['identifiers']> = {}, rowNumber = 2): MappedRow => ({
  ok: true, asOf: null, contacts: [], relationships: [], warnings: [],
  record: { kind: 'subject', localId, rowNumber, identifiers: { ...emptyIdentifiers(), ...identifiers }, extraIds: null, attributes: null, raw: { Id: localId } },
  events: events.map((e) => ({ ...e, detail: null, specialCategory: false })),
} as unknown as MappedRow);

describe('identifierFields', () => {
  it('writes every identifier, in the order and the type of the columns the COPY names', () => {
    // each identifier holds its own name (the list role as a list, the date role a date)
    const value = (key: string): unknown => (key === 'formerFamilyNames' ? [key] : key === 'dob' ? '2011-03-04' : key);
    const identifiers = Object.fromEntries(IDENTIFIER_KEYS.map((key) => [key, value(key)]));
    const out = new CopyBinaryRows().row(IDENTIFIER_KEYS.length);
    identifierFields(out, identifiers as unknown as CanonicalRecord['identifiers']);
    const [fields] = readCopyBinary(out.take()) as [Buffer[]];
    const read = fields.map((field, i) => (IDENTIFIER_TYPES[i] === 'jsonb' ? jsonbOf(field) : IDENTIFIER_TYPES[i] === 'date' ? dateOf(field) : field.toString('utf8')));
    expect(read).toEqual(IDENTIFIER_KEYS.map(value));
  });
});

describe('prepareChunkInTurns', () => {
  const chunk = (): Chunk => {
    const c = emptyChunk();
    for (let i = 0; i < 2_500; i += 1) {
      addMapped(c, mappedRow(`L${i}`, [{ code: 'school.suspension', occurredOn: '2024-01-02', value: null }], { givenName: `name${i}`, dob: '2010-01-02' }, i + 2));
    }
    return c;
  };
  const batch = { datasetId: 'd', agencyId: 'a', batchId: 3, specialCategoryKey: null };

  it.each([['direct', 'insert', 100], ['staged', 'upsert', null]] as const)('gives the bytes prepareChunk gives (%s)', async (_, mode, firstId) => {
    const whole = prepareChunk(chunk(), batch, mode, firstId);
    const inTurns = await prepareChunkInTurns(chunk(), batch, mode, firstId);
    // Buffers compared as bytes (toEqual walks them element by element)
    for (const part of ['records', 'events', 'relationships'] as const) expect(inTurns[part].equals(whole[part]), part).toBe(true);
    expect({ ...inTurns, records: null, events: null, relationships: null }).toEqual({ ...whole, records: null, events: null, relationships: null });
    expect(readCopyBinary(inTurns.records)).toHaveLength(2_500);
  });

  it('lets the event loop turn while it prepares', async () => {
    let turned = false;
    setImmediate(() => { turned = true; });
    const preparing = prepareChunkInTurns(chunk(), batch, 'insert', 1);
    expect(turned).toBe(false);
    await preparing;
    expect(turned).toBe(true);
  });
});

describe('the events of a chunk whose records are each given by one row', () => {
  const event = fc.record({
    code: fc.constantFrom('school.suspension', 'school.exclusion'),
    occurredOn: fc.constantFrom('2024-01-02', '2024-03-04'),
    value: fc.constantFrom(null, '', 'fixed', 'permanent'),
  });

  it('are each written once per record, code, date and value, as the search across the chunk writes them', () => {
    fc.assert(fc.property(fc.array(fc.array(event, { maxLength: 5 }), { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, direct) => {
      const chunk = emptyChunk();
      rows.forEach((events, i) => addMapped(chunk, mappedRow(`L${i}`, events, {}, i + 2)));
      expect(chunk.repeated).toBe(false);
      const batch = { datasetId: 'd', agencyId: 'a', batchId: 3, specialCategoryKey: null };
      const mode = direct ? 'insert' : 'upsert';
      const firstId = direct ? 1 : null;
      const apart = prepareChunk(chunk, batch, mode, firstId);
      const across = prepareChunk({ ...chunk, repeated: true }, batch, mode, firstId);
      expect(apart.events.equals(across.events)).toBe(true);
      expect(apart.eventRows).toBe(across.eventRows);
      expect(apart.eventRows).toBe(rows.reduce((n, events) => n + new Set(events.map((e) => `${e.code} ${e.occurredOn} ${e.value}`)).size, 0));
    }), { numRuns: 200 });
  });

  it('are searched across the chunk once a record is given by a second row', () => {
    const chunk = emptyChunk();
    const row = (localId: string): MappedRow => mappedRow(localId, [{ code: 'school.suspension', occurredOn: '2024-01-02', value: null }]);
    addMapped(chunk, row('A'));
    addMapped(chunk, row('B'));
    expect(chunk.repeated).toBe(false);
    addMapped(chunk, row('A'));
    expect(chunk.repeated).toBe(true);
    expect(prepareChunk(chunk, { datasetId: 'd', agencyId: 'a', batchId: 3, specialCategoryKey: null }).eventRows).toBe(2);
  });
});
