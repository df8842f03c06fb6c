import { describe, expect, it } from 'vitest';
import { LinkMapSchema } from '../link/index.ts';
import { standardiseRow } from './record-standardiser.ts';

const map = LinkMapSchema.parse({
  id: 'rec_id',
  columns: {
    given_name: 'given_name', family_name: 'surname', dob: { column: 'date_of_birth', format: 'YYYYMMDD' },
    address: ['street_number', 'address_1', 'address_2'], postcode: 'postcode', sex: 'gender',
  },
  extra_ids: { soc_sec_id: 'soc_sec_id' },
});

describe('standardiseRow', () => {
  it.each([
    { description: 'names lower-case without punctuation or accents', row: { given_name: ' Siobhán ', surname: "O'Brien-Smith" }, values: { given_name: 'siobhan', family_name: 'obrien smith' } },
    { description: 'a valid date as YYYYMMDD', row: { date_of_birth: '19151111' }, values: { dob: '19151111' } },
    { description: 'an impossible eight-digit date keeps its digits (a typo still carries information)', row: { date_of_birth: '19151131' }, values: { dob: '19151131' } },
    { description: 'an unreadable date is missing', row: { date_of_birth: '1915-1' }, values: {} },
    { description: 'address columns joined, empty ones skipped', row: { street_number: '8', address_1: 'Stanley St.', address_2: '' }, values: { address: '8 stanley st' } },
    { description: 'a UK postcode without its space', row: { postcode: 'SW1A 1AA' }, values: { postcode: 'sw1a1aa' } },
    { description: 'a four-digit postcode as it is', row: { postcode: '4223' }, values: { postcode: '4223' } },
    { description: 'sex as one letter', row: { gender: 'Female' }, values: { sex: 'f' } },
    { description: 'extra ids lower-case alphanumerics', row: { soc_sec_id: '530-4218' }, values: { soc_sec_id: '5304218' } },
  ])('$description', ({ row, values }) => {
    expect(standardiseRow({ rec_id: 'rec-1', ...row }, map)).toEqual({ id: 'rec-1', values });
  });
});
