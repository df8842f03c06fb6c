import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../../test/support/stores.ts';
import type { Store } from '../../store/index.ts';
import { buildHousehold } from '../sar/test-household.ts';
import {
  buildTransparencyRecord, loadTransparencyConfig, NO_APPROVED_MODEL, writeTransparency, type TransparencyConfig,
} from './index.ts';

const CONFIG_PATH = 'config/town/transparency.yaml';
const TIER2_HEADINGS = [
  '## Tier 1: overview', '## Tier 2: owner and responsibility', '## Tier 2: description and rationale',
  '## Tier 2: decision-making process', '## Tier 2: tool specification', '### Model specification', '### Data specification',
  '## Tier 2: risks, mitigations and impact assessments',
];

describe('loadTransparencyConfig', () => {
  it('reads the town’s configuration', () => {
    const config = loadTransparencyConfig(CONFIG_PATH);
    expect(config.owner.senior_responsible_owner).toBe("Director of Children's Services");
    expect(config.risks.length).toBeGreaterThanOrEqual(3);
  });

  it('reports every problem with its path at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-tr-'));
    try {
      const path = join(dir, 'bad.yaml');
      writeFileSync(path, readFileSync(CONFIG_PATH, 'utf8').replace('contact_email: dpo@', 'contact_email: dpo-at-').replace('phase: pilot', 'phase: live'));
      expect(() => loadTransparencyConfig(path)).toThrow(/tool\.contact_email[\s\S]*technical\.phase/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(storeTargets)('transparency record on $name', (target) => {
  let store: Store;
  let config: TransparencyConfig;

  beforeAll(async () => {
    store = await target.open();
    config = loadTransparencyConfig(CONFIG_PATH);
    await buildHousehold(store, randomBytes(32));
  });
  afterAll(async () => store?.close());

  it('fills Tier 1 from configuration and Tier 2 from configuration, agreements and the approved model', async () => {
    const record = await buildTransparencyRecord(store, config, new Date('2024-06-01T12:00:00Z'));
    expect(record.generatedOn).toBe('2024-06-01');
    expect(record.tier1).toMatchObject({ name: 'Tributary early help prioritisation', contactEmail: 'dpo@shire-partnership.example.org', phase: 'pilot' });
    const spec = record.tier2.toolSpecification;
    expect(spec.model).toMatchObject({ approved: true, version: 'gam-2024-03', performance: { auc: 0.71 }, approvedBy: 'dpo' });
    expect(spec.data.sources.map((s) => [s.agreementId, s.lawfulBasis, s.retentionDays, s.specialCategory, s.records])).toEqual([
      ['dsa-school', 'UK GDPR 6(1)(e)', 730, false, 2],
      ['dsa-nhs', 'UK GDPR 6(1)(e) and 9(2)(g)', 365, true, 1],
      ['dsa-police', 'UK GDPR 6(1)(e); DPA 2018 s.8', 365, false, 1],
    ]);
    expect(spec.data.specialCategory).toMatch(/dsa-nhs \(service contact only\)/);
  });

  it('writes atrs.md/json and dpia-facts.md/json, with no personal data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-tr-'));
    try {
      const output = await writeTransparency(store, config, dir);
      expect(output.files.map((f) => f.slice(dir.length + 1))).toEqual(['atrs.md', 'atrs.json', 'dpia-facts.md', 'dpia-facts.json']);
      const atrs = readFileSync(join(dir, 'atrs.md'), 'utf8');
      const positions = TIER2_HEADINGS.map((h) => atrs.indexOf(h));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(atrs).toContain('| auc | 0.71 |');
      const dpia = readFileSync(join(dir, 'dpia-facts.md'), 'utf8');
      expect(dpia).toContain('| UK GDPR 6(1)(e) and 9(2)(g) | dsa-nhs |');
      expect(JSON.parse(readFileSync(join(dir, 'dpia-facts.json'), 'utf8')).processing.purposes).toEqual(['early_help', 'prevention']);
      const all = ['atrs.md', 'atrs.json', 'dpia-facts.md', 'dpia-facts.json'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      for (const personal of ['Jamie', 'Dana', 'P-CHILD', 'UPN-A100', '9434765919']) expect(all).not.toContain(personal);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says plainly when no model version is approved', async () => {
    await store.sql.exec(`DELETE FROM scores; UPDATE model_versions SET status = 'retired', retired_at = now()`);
    const dir = mkdtempSync(join(tmpdir(), 'tributary-tr-'));
    try {
      const output = await writeTransparency(store, config, dir);
      expect(output.record.tier2.toolSpecification.model).toEqual({ approved: false, statement: NO_APPROVED_MODEL, modelType: config.technical.model_type });
      expect(output.dpia.modelVersions).toEqual({ draft: 0, approved: 0, retired: 1 });
      expect(readFileSync(join(dir, 'atrs.md'), 'utf8')).toContain(`**${NO_APPROVED_MODEL}**`);
      expect(readFileSync(join(dir, 'dpia-facts.md'), 'utf8')).toContain(NO_APPROVED_MODEL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
