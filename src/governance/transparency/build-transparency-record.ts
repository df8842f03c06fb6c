/**
 * The partnership's Algorithmic Transparency Recording Standard (ATRS) record, following the v3.0
 * template's sections: Tier 1 (overview for the public) and Tier 2 (owner and responsibility,
 * description and rationale, decision-making process, tool specification with its model and data
 * specifications, risks mitigations and impact assessments). Filled from the transparency
 * configuration and from the store; JSON, so the web pages can render the public Tier 1 page.
 */
import type { Store } from '../../store/index.ts';
import type { TransparencyConfig } from './transparency-config.ts';
import { readStoreFacts, type DataSourceFact, type ModelFact, type StoreFacts } from './transparency-facts.ts';

export const NO_APPROVED_MODEL = 'No model version is approved. Until the governance lead approves one, Tributary scores nobody and no worklist is produced.';

export interface AtrsRecord {
  standard: 'Algorithmic Transparency Recording Standard';
  standardVersion: '3.0';
  generatedOn: string;
  tier1: {
    name: string; description: string; howItWorks: string; humanOversight: string;
    website: string | null; contactEmail: string; findOutMore: string; phase: string; organisation: string;
  };
  tier2: {
    ownerAndResponsibility: TransparencyConfig['owner'];
    descriptionAndRationale: TransparencyConfig['description'];
    decisionMakingProcess: TransparencyConfig['decision_making'];
    toolSpecification: {
      systemArchitecture: string; phase: string; maintenance: string;
      model: (ModelSpecification & { approved: true }) | { approved: false; statement: string; modelType: string };
      data: DataSpecification;
    };
    risksMitigationsAndImpactAssessments: {
      impactAssessments: TransparencyConfig['impact_assessments'];
      risks: TransparencyConfig['risks'];
    };
  };
}

export interface ModelSpecification {
  version: string; modelType: string; task: string; output: string; features: string[];
  performance: unknown; fairnessAudit: unknown; approvedBy: string | null; approvedOn: string | null; approvalJustification: string | null;
}

export interface DataSpecification {
  sources: DataSourceFact[]; sensitiveAttributes: string; dataQuality: string; storageAndAccess: string;
  specialCategory: string;
}

function modelSpecification(config: TransparencyConfig, model: ModelFact): ModelSpecification {
  return {
    version: model.id, modelType: config.technical.model_type, task: config.technical.model_task,
    output: config.technical.model_output, features: model.features, performance: model.evaluation,
    fairnessAudit: model.fairness, approvedBy: model.approvedBy, approvedOn: model.approvedAt,
    approvalJustification: model.justification,
  };
}

/** The special category statement, from the agreements that bring health data. */
export function specialCategoryStatement(sources: DataSourceFact[]): string {
  const health = sources.filter((s) => s.specialCategory);
  if (health.length === 0) return 'No agreement brings special category (health) data.';
  const levels = health.map((s) => `${s.agreementId} (${s.healthDisclosure === 'clinical_detail' ? 'clinical detail' : 'service contact only'})`);
  return `Health data (special category, UK GDPR Article 9) comes under ${levels.join(', ')}. It is encrypted at rest `
    + '(AES-256-GCM, key held outside the database) and practitioners see only what each agreement allows.';
}

/** Builds the record from configuration and facts already read (pure; for tests and re-rendering). */
export function transparencyRecordFrom(config: TransparencyConfig, facts: StoreFacts, generatedOn: string): AtrsRecord {
  const model = facts.approvedModel;
  return {
    standard: 'Algorithmic Transparency Recording Standard',
    standardVersion: '3.0',
    generatedOn,
    tier1: {
      name: config.tool.name, description: config.tool.summary, howItWorks: config.tool.how_it_works,
      humanOversight: config.decision_making.human_oversight, website: config.tool.website,
      contactEmail: config.tool.contact_email, findOutMore: config.tool.find_out_more,
      phase: config.technical.phase, organisation: config.owner.organisation,
    },
    tier2: {
      ownerAndResponsibility: config.owner,
      descriptionAndRationale: config.description,
      decisionMakingProcess: config.decision_making,
      toolSpecification: {
        systemArchitecture: config.technical.system_architecture, phase: config.technical.phase,
        maintenance: config.technical.maintenance,
        model: model
          ? { approved: true, ...modelSpecification(config, model) }
          : { approved: false, statement: NO_APPROVED_MODEL, modelType: config.technical.model_type },
        data: {
          sources: facts.dataSources, sensitiveAttributes: config.data.sensitive_attributes,
          dataQuality: config.data.data_quality, storageAndAccess: config.data.storage_and_access,
          specialCategory: specialCategoryStatement(facts.dataSources),
        },
      },
      risksMitigationsAndImpactAssessments: { impactAssessments: config.impact_assessments, risks: config.risks },
    },
  };
}

/**
 * The partnership's ATRS record as JSON, from the configuration and the store.
 * @example const record = await buildTransparencyRecord(store, loadTransparencyConfig('config/town/transparency.yaml'));
 */
export async function buildTransparencyRecord(store: Store, config: TransparencyConfig, now = new Date()): Promise<AtrsRecord> {
  return transparencyRecordFrom(config, await readStoreFacts(store), now.toISOString().slice(0, 10));
}
