/** The ATRS record as Markdown, section by section in the template's order. */
import type { AtrsRecord } from './build-transparency-record.ts';
import { jsonTable, mdList, mdTable } from './markdown-blocks.ts';
import type { DataSourceFact } from './transparency-facts.ts';

/** The data sources table shared by the ATRS record and the DPIA facts. */
export function sourcesTable(sources: DataSourceFact[]): string {
  return mdTable(
    ['Agency', 'Sector', 'Dataset', 'Agreement', 'Lawful basis', 'Purposes', 'Retention (days)', 'Health data', 'Records held'],
    sources.map((s) => [s.agencyName, s.sector, s.datasetId, `${s.agreementId}${s.active ? '' : ' (inactive)'}`, s.lawfulBasis,
      s.purposes.join(', '), s.retentionDays, s.specialCategory ? s.healthDisclosure.replace('_', ' ') : 'no', s.records]),
  );
}

function modelSection(model: AtrsRecord['tier2']['toolSpecification']['model']): string {
  if (!model.approved) return `**Model type:** ${model.modelType}\n\n**${model.statement}**`;
  return [
    mdTable(['Field', 'Value'], [
      ['Model version', model.version], ['Model type', model.modelType], ['Task', model.task], ['Output', model.output],
      ['Approved by', model.approvedBy], ['Approved on', model.approvedOn], ['Approval justification', model.approvalJustification],
    ]),
    `**Features (model inputs):** ${model.features.join(', ') || 'none'}`,
    '#### Performance', jsonTable(model.performance),
    '#### Fairness audit', jsonTable(model.fairnessAudit),
  ].join('\n\n');
}

/** The record as one Markdown document. */
export function renderAtrsMarkdown(record: AtrsRecord): string {
  const { tier1: t1, tier2: t2 } = record;
  const owner = t2.ownerAndResponsibility;
  const spec = t2.toolSpecification;
  const risks = t2.risksMitigationsAndImpactAssessments;
  return `# ${t1.name}: algorithmic transparency record

${record.standard} v${record.standardVersion}. Generated on ${record.generatedOn}. Phase: ${t1.phase}.

## Tier 1: overview

**Organisation:** ${t1.organisation}

### What the tool is and why it is used

${t1.description}

### How it works

${t1.howItWorks}

### Human oversight

${t1.humanOversight}

### How to find out more

${t1.findOutMore}

Email: ${t1.contactEmail}${t1.website ? `  \nWebsite: ${t1.website}` : ''}

## Tier 2: owner and responsibility

${mdTable(['Field', 'Value'], [
    ['Organisation', owner.organisation], ['Team', owner.team], ['Senior responsible owner', owner.senior_responsible_owner],
    ['External supplier', owner.external_supplier ? `${owner.external_supplier.name} — ${owner.external_supplier.role}` : 'None: developed and run by the partnership'],
  ])}

## Tier 2: description and rationale

${t2.descriptionAndRationale.detailed}

**Scope:** ${t2.descriptionAndRationale.scope}

### Benefits

${mdList(t2.descriptionAndRationale.benefits)}

### Alternatives considered

${mdList(t2.descriptionAndRationale.alternatives_considered)}

## Tier 2: decision-making process

${mdTable(['Field', 'Value'], [
    ['Process integration', t2.decisionMakingProcess.process_integration],
    ['Information provided', t2.decisionMakingProcess.information_provided],
    ['Frequency and scale of usage', t2.decisionMakingProcess.frequency_and_scale],
    ['Human decisions and review', t2.decisionMakingProcess.human_oversight],
    ['Required training', t2.decisionMakingProcess.required_training],
    ['Appeals and review', t2.decisionMakingProcess.appeals_and_review],
  ])}

## Tier 2: tool specification

**System architecture:** ${spec.systemArchitecture}

**Phase:** ${spec.phase}. **Maintenance:** ${spec.maintenance}

### Model specification

${modelSection(spec.model)}

### Data specification

${sourcesTable(spec.data.sources)}

**Special category data:** ${spec.data.specialCategory}

**Sensitive attributes:** ${spec.data.sensitiveAttributes}

**Data quality:** ${spec.data.dataQuality}

**Storage and access:** ${spec.data.storageAndAccess}

## Tier 2: risks, mitigations and impact assessments

### Impact assessments

${mdTable(['Assessment', 'Description', 'Completed', 'Link'], risks.impactAssessments.map((a) => [a.name, a.description, a.completed_on ?? 'not yet', a.link]))}

### Risks and mitigations

${mdTable(['Risk', 'Description', 'Mitigation'], risks.risks.map((r) => [r.name, r.description, r.mitigation]))}
`;
}
