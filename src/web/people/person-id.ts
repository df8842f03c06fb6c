/**
 * A person in an address is their opaque id (issued by the link stage), never a name or a number
 * that identifies them elsewhere: ids shaped like an NHS number, UPN, NI number or PNC id, or
 * containing spaces or `@`, are refused.
 */
import { z } from 'zod';

const identifyingShapes: ReadonlyArray<[string, RegExp]> = [
  ['NHS number', /^\d{10}$/],
  ['unique pupil number', /^[A-Z]\d{11}[0-9A-Z]$/i],
  ['National Insurance number', /^[A-Z]{2}\d{6}[A-D]$/i],
  ['PNC id', /^\d{2,4}\/?\d{1,7}[A-Z]$/i],
  ['all-digit number', /^\d+$/],
];

export const PersonIdSchema = z.string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'A person id is 6 to 64 letters, digits, hyphens or underscores')
  .refine((id) => !identifyingShapes.some(([, shape]) => shape.test(id)), 'That looks like an identifying number, not a person id');
