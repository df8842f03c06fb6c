/**
 * FHIR R4 resources for the NHS extract: a Patient with an NHS-number identifier, and the
 * EpisodeOfCare, Encounter and Condition resources of substance-misuse treatment and A&E.
 * Codes are SNOMED CT-style, chosen to look right; check them before any clinical use.
 */
import { isoDay, type Day } from '../calendar/day.ts';
import type { SubstanceSpell } from '../people/life.ts';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const SNOMED = 'http://snomed.info/sct';

export const SUBSTANCE_CONDITIONS: Record<SubstanceSpell['substance'], { code: string; display: string }> = {
  cannabis: { code: '85005007', display: 'Cannabis dependence' },
  alcohol: { code: '7200002', display: 'Alcoholism' },
  cocaine: { code: '2403008', display: 'Psychoactive substance dependence' },
  opiates: { code: '75544000', display: 'Opioid dependence' },
};
export const ALCOHOL_REASON = { code: '25702006', display: 'Alcohol intoxication' } as const;
const INJURY_REASON = { code: '417746004', display: 'Traumatic injury' } as const;
const TREATMENT_TYPE = { code: '408941008', display: 'Drug and alcohol misuse service' } as const;

const coding = (c: { code: string; display: string }): object => ({ coding: [{ system: SNOMED, code: c.code, display: c.display }] });

/** A specialist drug and alcohol treatment episode (active while it has no end). */
export function episodeOfCare(id: string, patientId: string, start: Day, end: Day | null): object {
  return {
    resourceType: 'EpisodeOfCare', id, status: end === null ? 'active' : 'finished',
    type: [coding(TREATMENT_TYPE)], patient: { reference: `Patient/${patientId}` },
    period: end === null ? { start: isoDay(start) } : { start: isoDay(start), end: isoDay(end) },
  };
}

/** An emergency department visit, alcohol-related or an injury, at a time of day. */
export function emergencyEncounter(id: string, patientId: string, day: Day, alcohol: boolean, minute: number): object {
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
  return {
    resourceType: 'Encounter', id, status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER', display: 'emergency' },
    type: [coding({ code: '4525004', display: 'Emergency department patient visit' })],
    reasonCode: [coding(alcohol ? ALCOHOL_REASON : INJURY_REASON)],
    subject: { reference: `Patient/${patientId}` },
    period: { start: `${isoDay(day)}T${time}` },
  };
}

/** The substance dependence a treatment is for. */
export function substanceCondition(id: string, patientId: string, spell: SubstanceSpell, recorded: Day): object {
  return {
    resourceType: 'Condition', id, code: coding(SUBSTANCE_CONDITIONS[spell.substance]),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: spell.end === null ? 'active' : 'resolved' }] },
    subject: { reference: `Patient/${patientId}` }, onsetDateTime: isoDay(spell.start), recordedDate: isoDay(recorded),
  };
}
