/**
 * Youth justice: a JSON array of cases, one per child with a caution or court disposal before
 * 18 in the window: the child as recorded at the last disposal (with PNC id and, sometimes, UPN),
 * a parent or carer, and the disposals (out-of-court or court).
 */
import { ageOn, dmySlash } from '../calendar/day.ts';
import type { Offence } from '../people/life.ts';
import { contactsOn } from './child-contacts.ts';
import { Counter, inWindow, openExtract, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';

const DATASET = 'youth-justice';
const CHILD: IdentityRules = {
  holds: ['dob', 'sex', 'postcode', 'addressLine', 'pncId', 'upn'],
  optional: ['upn', 'addressLine', 'pncId'],
  formatDate: dmySlash,
};
const CARER: IdentityRules = { holds: [], optional: [], formatDate: dmySlash };

/** Writes youth-justice/yjs-cases.json, family by family. */
export function youthJusticeWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write('[\n');
  const ids = new Counter('YJ', 6);
  let cases = 0, disposals = 0;
  return {
    add(batch) {
      for (const child of batch.people) {
        if (child.role !== 'child') continue;
        const youth = child.life.offences.filter((o): o is Offence & { disposalDay: number } =>
          (o.outcome === 'CAUTION' || o.outcome === 'CONVICTION') && o.disposalDay !== null
          && ageOn(child.dob, o.day) < 18 && inWindow(ctx, o.disposalDay));
        const last = youth[youth.length - 1];
        if (!last) continue;
        const id = ids.next();
        const r = recordIdentity(child, last.disposalDay, ctx.faults.forRecord(DATASET, id, 'subject'), CHILD);
        ctx.truth.record(DATASET, id, 'subject', child.id);
        const carer = contactsOn(batch, child, last.disposalDay)[0];
        let parentCarer: object | null = null;
        if (carer) {
          const contactId = `${id}-P1`;
          const c = recordIdentity(carer.person, last.disposalDay, ctx.faults.forRecord(DATASET, contactId, 'contact'), CARER);
          ctx.truth.record(DATASET, contactId, 'contact', carer.person.id);
          parentCarer = { contactId, name: { forename: c.forename, surname: c.surname }, relationship: carer.relationship };
        }
        const record = {
          yjsId: id,
          name: { forename: r.forename, surname: r.surname },
          dateOfBirth: r.dob === null ? null : dmySlash(r.dob), sex: r.sex, pncNumber: r.pncId, upn: r.upn,
          address: { line1: r.addressLine, postcode: r.postcode },
          parentCarer,
          disposals: youth.map((o) => ({
            disposalId: `YJD${String(++disposals).padStart(7, '0')}`,
            category: o.outcome === 'CAUTION' ? 'out_of_court' : 'court',
            type: o.disposal, date: dmySlash(o.disposalDay), offence: o.offence,
          })),
        };
        sink.write(`${cases++ > 0 ? ',\n' : ''}${JSON.stringify(record)}`);
      }
    },
    close() {
      sink.write('\n]\n');
      sink.close();
    },
  };
}
