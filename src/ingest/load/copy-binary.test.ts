import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, jsonbOf, readCopyBinary } from '../../../test/support/copy-binary-reader.ts';
import { CopyBinaryRows, encodeFields } from './copy-binary.ts';

describe('binary COPY rows', () => {
  it('writes the header, each row as its field count and fields, and the trailer', () => {
    const stream = new CopyBinaryRows().row(3).text('a').null().int4(7).row(1).bool(true).take();
    expect(stream.subarray(0, 19)).toEqual(Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1'));
    expect(stream.subarray(-2)).toEqual(Buffer.from([0xff, 0xff]));
    expect(readCopyBinary(stream)).toEqual([[Buffer.from('a'), null, Buffer.from([0, 0, 0, 7])], [Buffer.from([1])]]);
  });

  it('gives nothing to send when no row was written, and starts afresh after each take', () => {
    const out = new CopyBinaryRows();
    expect(out.take().length).toBe(0);
    out.row(1).text('x');
    expect(out.rows).toBe(1);
    expect(readCopyBinary(out.take())).toEqual([[Buffer.from('x')]]);
    expect(out.rows).toBe(0);
    expect(readCopyBinary(out.row(1).text('y').take())).toEqual([[Buffer.from('y')]]);
  });

  it.each([
    ['plain', 'plain'], ['', ''], ['Zoë Ó Súilleabháin', 'Zoë Ó Súilleabháin'], ['tab\there\nline\\', 'tab\there\nline\\'],
    ['😀 after ASCII', '😀 after ASCII'], ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
  ])('text %j reads back as %j (UTF-8)', (value, expected) => {
    const [[field]] = readCopyBinary(new CopyBinaryRows().row(1).text(value).take()) as [[Buffer]];
    expect(field.toString('utf8')).toBe(expected);
  });

  it('writes any string as Node encodes it in UTF-8, however long (growing past its first buffer)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), fc.integer({ min: 0, max: 70_000 }), (values, pad) => {
      const out = new CopyBinaryRows();
      const long = 'é'.repeat(pad);
      for (const v of values) out.row(2).text(v).text(long);
      const rows = values.length ? readCopyBinary(out.take()) : [];
      expect(rows.map((r) => r[0]!.toString('utf8'))).toEqual(values.map((v) => Buffer.from(v, 'utf8').toString('utf8')));
      expect(rows.every((r) => r[1]!.equals(Buffer.from(long)))).toBe(true);
    }), { numRuns: 60 });
  });

  it.each([
    ['2000-01-01', 0], ['1999-12-31', -1], ['2000-03-01', 60], ['2024-02-29', 8825], ['1900-01-01', -36524], ['2100-12-31', 36889],
  ])('date %s is %i days from 2000-01-01', (iso, days) => {
    const [[field]] = readCopyBinary(new CopyBinaryRows().row(1).date(iso).take()) as [[Buffer]];
    expect(field.readInt32BE(0)).toBe(days);
  });

  it('writes any date of years 1–9999 as the day PostgreSQL counts', () => {
    fc.assert(fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const [[field]] = readCopyBinary(new CopyBinaryRows().row(1).date(iso).take()) as [[Buffer]];
      expect(dateOf(field)).toBe(iso);
    }));
  });

  it('refuses a date that is not ISO, naming it', () => {
    expect(() => new CopyBinaryRows().row(1).date('01/02/2024')).toThrow('not an ISO date (YYYY-MM-DD): "01/02/2024"');
  });

  it('writes bigints, integers and booleans in network order', () => {
    fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer(), fc.boolean(), (big, small, flag) => {
      const [[a, b, c]] = readCopyBinary(new CopyBinaryRows().row(3).int8(big).int4(small).bool(flag).take()) as [[Buffer, Buffer, Buffer]];
      expect(a.readBigInt64BE(0)).toBe(BigInt(big));
      expect(b.readInt32BE(0)).toBe(small);
      expect(c).toEqual(Buffer.from([flag ? 1 : 0]));
    }));
  });

  it('writes jsonb as format version 1 and the JSON text, NULL for null', () => {
    const value = { Id: 'B0', name: 'Zoë "Z" \\', list: [1, null] };
    const [[field, nothing]] = readCopyBinary(new CopyBinaryRows().row(2).jsonb(value).jsonb(null).take()) as [[Buffer, null]];
    expect(jsonbOf(field)).toEqual(value);
    expect(nothing).toBeNull();
  });

  it('repeats fields encoded once as they were written', () => {
    const batch = encodeFields((out) => out.text('school').int8(7));
    const rows = readCopyBinary(new CopyBinaryRows().row(3).encoded(batch).text('a').row(3).encoded(batch).text('b').take());
    expect(rows.map((r) => [r[0]!.toString(), r[1]!.readBigInt64BE(0), r[2]!.toString()])).toEqual([['school', 7n, 'a'], ['school', 7n, 'b']]);
  });
});

// json is the same text as jsonb without jsonb's format version byte
describe.each([['jsonb', 1], ['json', 0]] as const)('%s written as JSON.stringify writes it', (type, skip) => {
  const jsonText = (value: unknown): string => {
    const [[field]] = readCopyBinary(new CopyBinaryRows().row(1)[type](value).take()) as [[Buffer]];
    if (type === 'jsonb') expect(field[0]).toBe(1);
    return field.subarray(skip).toString('utf8');
  };

  it.each([
    [{ Id: 'B0', Forename: 'Ann' }], [{}], [{ quote: 'a"b', back: 'c\\d', tab: '\t', nl: '\n', ctl: '\u0001', del: '\u007f' }],
    [{ accented: 'Zoë', emoji: '😀', lone: '\ud800' }], [{ n: 1, f: 1.5, t: true, z: null, u: undefined, list: ['x', 2], nested: { a: 'b' } }],
    [{ 2: 'two', 1: 'one', b: 'b', a: 'a' }], [{ 'k"ey': 'v', 'ké': 'v' }], [['a', 1]], ['text'], [42], [new Date(0)],
    [Object.assign(Object.create(null) as object, { a: 'x' })], [{ when: new Date(0), fn: () => 1 }],
  ])('%j', (value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it('any flat or nested JSON value (null is NULL), and any string-valued object, gives the same text', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue().filter((v) => v !== null), fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }))), (value) => {
      expect(jsonText(value)).toBe(Buffer.from(JSON.stringify(value), 'utf8').toString('utf8'));
    }), { numRuns: 300 });
  });

  it('writes NULL for what has no JSON (a function, a symbol)', () => {
    const [[a, b]] = readCopyBinary(new CopyBinaryRows().row(2)[type](() => 1)[type](Symbol('s')).take()) as [[null, null]];
    expect([a, b]).toEqual([null, null]);
  });

  it('keeps the same text for many rows of the same keys', () => {
    const out = new CopyBinaryRows();
    const values = Array.from({ length: 300 }, (_, i) => ({ [`k${i % 7}`]: `v${i}`, Id: `B${i}` }));
    for (const v of values) out.row(1)[type](v);
    expect(readCopyBinary(out.take()).map(([f]) => f!.subarray(skip).toString())).toEqual(values.map((v) => JSON.stringify(v)));
  });
});
