import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS } from '../ingest/mapping-schema.ts';
import { PARSED_DATE_FORMATS, parseDate, type DateFormat } from './parse-date.ts';

type Case = { description: string; raw: string | null | undefined; format: DateFormat; value?: string; code?: string };

describe('parseDate', () => {
  it.each<Case>([
    { description: 'ISO date', raw: '2010-01-31', format: 'YYYY-MM-DD', value: '2010-01-31' },
    { description: 'ISO date, single-digit parts', raw: '2011-3-7', format: 'YYYY-MM-DD', value: '2011-03-07' },
    { description: 'UK date', raw: '31/01/2010', format: 'DD/MM/YYYY', value: '2010-01-31' },
    { description: 'UK date without leading zeros', raw: '1/2/2010', format: 'DD/MM/YYYY', value: '2010-02-01' },
    { description: 'UK date with a spreadsheet midnight', raw: '01/02/2010 00:00:00', format: 'DD/MM/YYYY', value: '2010-02-01' },
    { description: 'compact date', raw: '20100131', format: 'YYYYMMDD', value: '2010-01-31' },
    { description: 'UK date with dashes', raw: ' 31-01-2010 ', format: 'DD-MM-YYYY', value: '2010-01-31' },
    { description: 'US date', raw: '01/31/2010', format: 'MM/DD/YYYY', value: '2010-01-31' },
    { description: 'ISO date-time with zone keeps the date as written', raw: '2010-03-01T23:30:00+01:00', format: 'ISO', value: '2010-03-01' },
    { description: 'ISO date-time UTC with fraction', raw: '2010-03-01T09:15:30.123Z', format: 'ISO', value: '2010-03-01' },
    { description: 'ISO plain date', raw: '2010-03-01', format: 'ISO', value: '2010-03-01' },
    { description: 'leap day', raw: '29/02/2012', format: 'DD/MM/YYYY', value: '2012-02-29' },
    { description: 'leap day in 2000 (divisible by 400)', raw: '20000229', format: 'YYYYMMDD', value: '2000-02-29' },
    { description: 'range edges: 1900', raw: '1900-01-01', format: 'YYYY-MM-DD', value: '1900-01-01' },
    { description: 'range edges: 2100', raw: '2100-12-31', format: 'YYYY-MM-DD', value: '2100-12-31' },
    { description: 'auto: ISO', raw: '2010-01-31', format: 'auto', value: '2010-01-31' },
    { description: 'auto: ISO date-time', raw: '2010-01-31T10:00:00Z', format: 'auto', value: '2010-01-31' },
    { description: 'auto: YYYY/MM/DD', raw: '2010/01/31', format: 'auto', value: '2010-01-31' },
    { description: 'auto: compact', raw: '20100131', format: 'auto', value: '2010-01-31' },
    { description: 'auto: ambiguous NN/NN is day first', raw: '03/04/2010', format: 'auto', value: '2010-04-03' },
    { description: 'auto: dotted', raw: '12.03.2011', format: 'auto', value: '2011-03-12' },
    { description: 'auto: dashed', raw: '12-03-2011', format: 'auto', value: '2011-03-12' },
    { description: 'auto: month first only when day first is impossible', raw: '03/25/2010', format: 'auto', value: '2010-03-25' },
    { description: 'null', raw: null, format: 'auto', code: 'DATE_EMPTY' },
    { description: 'undefined', raw: undefined, format: 'ISO', code: 'DATE_EMPTY' },
    { description: 'blank', raw: '  ', format: 'DD/MM/YYYY', code: 'DATE_EMPTY' },
    { description: 'wrong format declared', raw: '2010-01-31', format: 'DD/MM/YYYY', code: 'DATE_UNPARSEABLE' },
    { description: 'two-digit year', raw: '31/01/10', format: 'DD/MM/YYYY', code: 'DATE_UNPARSEABLE' },
    { description: 'words', raw: '31 January 2010', format: 'auto', code: 'DATE_UNPARSEABLE' },
    { description: 'garbage', raw: 'n/a', format: 'auto', code: 'DATE_UNPARSEABLE' },
    { description: 'Arabic-Indic digits are not read', raw: '٢٠١٠-٠١-٣١', format: 'auto', code: 'DATE_UNPARSEABLE' },
    { description: 'compact with separators', raw: '2010-0131', format: 'YYYYMMDD', code: 'DATE_UNPARSEABLE' },
    { description: '31 February', raw: '31/02/2010', format: 'DD/MM/YYYY', code: 'DATE_IMPOSSIBLE' },
    { description: 'month 13', raw: '01/13/2010', format: 'DD/MM/YYYY', code: 'DATE_IMPOSSIBLE' },
    { description: 'day 0', raw: '2010-01-00', format: 'YYYY-MM-DD', code: 'DATE_IMPOSSIBLE' },
    { description: '29 February in a common year', raw: '20100229', format: 'YYYYMMDD', code: 'DATE_IMPOSSIBLE' },
    { description: '29 February 1900 (not a leap year)', raw: '1900-02-29', format: 'ISO', code: 'DATE_IMPOSSIBLE' },
    { description: '31 April', raw: '31-04-2010', format: 'DD-MM-YYYY', code: 'DATE_IMPOSSIBLE' },
    { description: 'auto: neither reading real', raw: '13/13/2010', format: 'auto', code: 'DATE_IMPOSSIBLE' },
    { description: 'year 1899', raw: '31/12/1899', format: 'DD/MM/YYYY', code: 'DATE_OUT_OF_RANGE' },
    { description: 'year 2101', raw: '2101-01-01', format: 'auto', code: 'DATE_OUT_OF_RANGE' },
    { description: 'year 0000', raw: '00000101', format: 'YYYYMMDD', code: 'DATE_OUT_OF_RANGE' },
  ])('$description', ({ raw, format, value, code }) => {
    const result = parseDate(raw, format);
    if (value) expect(result).toEqual({ ok: true, value });
    else expect(result).toMatchObject({ ok: false, code });
  });

  it.each([
    { description: 'impossible date names the month and day', raw: '31/02/2010', format: 'DD/MM/YYYY', says: ['31/02/2010', 'February 2010 has 28 days', 'day 31'] },
    { description: 'unparseable date names the format', raw: '2010.01.31', format: 'MM/DD/YYYY', says: ['2010.01.31', 'MM/DD/YYYY'] },
    { description: 'out of range names the year', raw: '1850-06-01', format: 'auto', says: ['1850-06-01', '1850', '1900'] },
  ] as const)('message: $description', ({ raw, format, says }) => {
    const result = parseDate(raw, format);
    for (const text of says) expect(result).toMatchObject({ message: expect.stringContaining(text) });
  });

  it('reads every format the mapping schema allows', () => {
    expect([...PARSED_DATE_FORMATS].sort()).toEqual([...DATE_FORMATS].sort());
  });

  it('never throws, for any string in any format', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...PARSED_DATE_FORMATS), (raw, format) => {
      expect(typeof parseDate(raw, format).ok).toBe('boolean');
    }));
  });

  const validDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const writers: [DateFormat, (y: string, m: string, d: string) => string][] = [
    ['YYYY-MM-DD', (y, m, d) => `${y}-${m}-${d}`],
    ['DD/MM/YYYY', (y, m, d) => `${d}/${m}/${y}`],
    ['YYYYMMDD', (y, m, d) => `${y}${m}${d}`],
    ['DD-MM-YYYY', (y, m, d) => `${d}-${m}-${y}`],
    ['MM/DD/YYYY', (y, m, d) => `${m}/${d}/${y}`],
    ['ISO', (y, m, d) => `${y}-${m}-${d}T12:34:56Z`],
  ];

  it('round-trips every valid date in every format, and through auto for all but MM/DD/YYYY', () => {
    fc.assert(fc.property(validDate, (iso) => {
      const [y = '', m = '', d = ''] = iso.split('-');
      for (const [format, write] of writers) {
        expect(parseDate(write(y, m, d), format)).toEqual({ ok: true, value: iso });
        if (format !== 'MM/DD/YYYY') expect(parseDate(write(y, m, d), 'auto')).toEqual({ ok: true, value: iso });
      }
    }));
  });
});
