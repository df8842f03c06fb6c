/**
 * The facts a Data Protection Impact Assessment needs, gathered in one place so the DPO does not
 * have to collect them by hand: the processing, the data sources and agreements, lawful bases,
 * special category data, the model with its evaluation and fairness audit, human oversight,
 * people's rights, retention, security, and the risks with their mitigations.
 */
import type { AtrsRecord } from './build-transparency-record.ts';

import type { DataSourceFact, StoreFacts } from './transparency-facts.ts';

export interface DpiaFacts {
  generatedOn: string;
  controller: { organisation: string; seniorResponsibleOwner: string; contactEmail: string };
  processing: { nature: string; scope: string; purposes: string[]; context: string };
  dataSources: DataSourceFact[];
  lawfulBases: Array<{ lawfulBasis: string; agreements: string[] }>;
  specialCategory: string;
  model: AtrsRecord['tier2']['toolSpecification']['model'];
  modelVersions: StoreFacts['modelVersions'];
  humanOversight: { oversight: string; decisionProcess: string; training: string; appeals: string };
  rights: string[];
  retention: Array<{ agreementId: string; datasetId: string; retentionDays: number }>;
  retentionMechanism: string;
  security: string;
  sensitiveAttributes: string;
  risks: AtrsRecord['tier2']['risksMitigationsAndImpactAssessments']['risks'];
  impactAssessments: AtrsRecord['tier2']['risksMitigationsAndImpactAssessments']['impactAssessments'];
}

const RIGHTS = [
  'Right of access (Article 15): `tributary sar` exports everything held about a person, as JSON and a readable page, with information about other people withheld.',
  'Right to rectification (Article 16): a disputed record is taken out of factors and scores at once, until its agency answers.',
  'Right to object (Article 21): an objecting person is left out of factors, scores and worklists, and no one else’s family factors are walked through them.',
  'No solely automated decisions (Article 22): every action follows a practitioner’s recorded decision.',
];

/** The DPIA facts of a transparency record and the store facts behind it. */
export function dpiaFactsFrom(record: AtrsRecord, facts: StoreFacts): DpiaFacts {
  const bases = new Map<string, string[]>();
  for (const s of facts.dataSources) bases.set(s.lawfulBasis, [...(bases.get(s.lawfulBasis) ?? []), s.agreementId]);
  const t2 = record.tier2;
  return {
    generatedOn: record.generatedOn,
    controller: {
      organisation: t2.ownerAndResponsibility.organisation,
      seniorResponsibleOwner: t2.ownerAndResponsibility.senior_responsible_owner,
      contactEmail: record.tier1.contactEmail,
    },
    processing: {
      nature: t2.descriptionAndRationale.detailed, scope: t2.descriptionAndRationale.scope,
      purposes: [...new Set(facts.dataSources.flatMap((s) => s.purposes))].sort(),
      context: 'Children’s personal data, linked across agencies and profiled (UK GDPR Article 35(3)(a) and ICO high-risk criteria: data matching, vulnerable data subjects, special category and criminal offence data).',
    },
    dataSources: facts.dataSources,
    lawfulBases: [...bases].map(([lawfulBasis, agreements]) => ({ lawfulBasis, agreements })),
    specialCategory: t2.toolSpecification.data.specialCategory,
    model: t2.toolSpecification.model,
    modelVersions: facts.modelVersions,
    humanOversight: {
      oversight: t2.decisionMakingProcess.human_oversight, decisionProcess: t2.decisionMakingProcess.process_integration,
      training: t2.decisionMakingProcess.required_training, appeals: t2.decisionMakingProcess.appeals_and_review,
    },
    rights: RIGHTS,
    retention: facts.dataSources.map((s) => ({ agreementId: s.agreementId, datasetId: s.datasetId, retentionDays: s.retentionDays })),
    retentionMechanism: 'A source record is deleted when both its last load and its latest event are older than its agreement’s retention period, with everything derived from it; the audit log keeps counts only.',
    security: t2.toolSpecification.data.storageAndAccess,
    sensitiveAttributes: t2.toolSpecification.data.sensitiveAttributes,
    risks: t2.risksMitigationsAndImpactAssessments.risks,
    impactAssessments: t2.risksMitigationsAndImpactAssessments.impactAssessments,
  };
}

