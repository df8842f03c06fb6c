/** The DPIA facts as Markdown, in the order a DPIA template asks for them. */
import { sourcesTable } from './atrs-markdown.ts';
import type { DpiaFacts } from './dpia-facts.ts';
import { jsonTable, mdList, mdTable } from './markdown-blocks.ts';

function modelFacts(model: DpiaFacts['model']): string {
  if (!model.approved) return `**${model.statement}** Model type when approved: ${model.modelType}.`;
  return [
    `Version **${model.version}** (${model.modelType}), approved by ${model.approvedBy ?? '—'} on ${model.approvedOn ?? '—'}: ${model.approvalJustification ?? 'no justification recorded'}.`,
    `**Inputs:** ${model.features.join(', ') || 'none'}`,
    '### Evaluation', jsonTable(model.performance),
    '### Fairness audit', jsonTable(model.fairnessAudit),
  ].join('\n\n');
}

/** The DPIA facts as one Markdown document. */
export function renderDpiaMarkdown(facts: DpiaFacts): string {
  return `# DPIA facts: ${facts.controller.organisation}

Generated on ${facts.generatedOn} from the partnership's configuration and the system's own records,
for the Data Protection Officer to assess. These are facts, not the assessment.

## Controller

${mdTable(['Field', 'Value'], [
    ['Organisation', facts.controller.organisation], ['Senior responsible owner', facts.controller.seniorResponsibleOwner],
    ['Contact', facts.controller.contactEmail],
  ])}

## The processing

**Nature:** ${facts.processing.nature}

**Scope:** ${facts.processing.scope}

**Purposes (from the agreements):** ${facts.processing.purposes.join(', ') || 'none'}

**Context:** ${facts.processing.context}

## Data sources and agreements

${sourcesTable(facts.dataSources)}

## Lawful bases

${mdTable(['Lawful basis', 'Agreements'], facts.lawfulBases.map((b) => [b.lawfulBasis, b.agreements.join(', ')]))}

## Special category data

${facts.specialCategory}

**Protected characteristics:** ${facts.sensitiveAttributes}

## The model

${modelFacts(facts.model)}

Model versions: ${facts.modelVersions.approved} approved, ${facts.modelVersions.draft} draft, ${facts.modelVersions.retired} retired.

## Human oversight

${mdTable(['Field', 'Value'], [
    ['Oversight', facts.humanOversight.oversight], ['Decision process', facts.humanOversight.decisionProcess],
    ['Training', facts.humanOversight.training], ['Appeals', facts.humanOversight.appeals],
  ])}

## People's rights

${mdList(facts.rights)}

## Retention

${mdTable(['Agreement', 'Dataset', 'Retention (days)'], facts.retention.map((r) => [r.agreementId, r.datasetId, r.retentionDays]))}

${facts.retentionMechanism}

## Security

${facts.security}

## Risks and mitigations

${mdTable(['Risk', 'Description', 'Mitigation'], facts.risks.map((r) => [r.name, r.description, r.mitigation]))}

## Impact assessments

${mdTable(['Assessment', 'Description', 'Completed', 'Link'], facts.impactAssessments.map((a) => [a.name, a.description, a.completed_on ?? 'not yet', a.link]))}
`;
}
