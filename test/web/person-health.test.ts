/**
 * Health events on the person page: the service contact only, unless the dataset's agreement
 * discloses clinical detail, when the sealed fields are opened with the special category key. The
 * web's key falls back to the data folder's demo key with a warning, except in the demo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encryptSpecial, parseSpecialCategoryKey } from '../../src/governance/special-category/index.ts';
import { reidentificationKey } from '../../src/web/reidentification/reidentification-key.ts';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

const HEALTH_KEY = randomBytes(32).toString('base64');

describe.each(storeTargets)('health events on the person page on $name', (target) => {
  let t: TestApp;
  let savedKey: string | undefined;
  beforeAll(async () => {
    savedKey = process.env.TRIBUTARY_HEALTH_KEY;
    process.env.TRIBUTARY_HEALTH_KEY = HEALTH_KEY;
    t = await startTestApp(target, { dataDir: mkdtempSync(join(tmpdir(), 'tributary-health-')) });
  });
  afterAll(async () => {
    await t?.close();
    if (savedKey === undefined) delete process.env.TRIBUTARY_HEALTH_KEY;
    else process.env.TRIBUTARY_HEALTH_KEY = savedKey;
  });

  it('shows clinical detail only where the agreement discloses it', async () => {
    const key = parseSpecialCategoryKey(HEALTH_KEY);
    await t.store.sql.query("UPDATE events SET value = $1 WHERE code = 'health.substance_misuse_treatment'", [encryptSpecial('opioid substitution', key)]);
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const timeline = async () => (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` })).json().timeline as Array<{ what: string }>;
    expect((await timeline()).map((e) => e.what)).toContain('NHS: substance-misuse service contact');
    expect(JSON.stringify(await timeline())).not.toContain('opioid');

    await t.store.sql.query("UPDATE agreements SET health_disclosure = 'clinical_detail' WHERE id = 'dsa-nhs'");
    expect((await timeline()).map((e) => e.what)).toContain('NHS: substance-misuse service contact; opioid substitution');
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(page.body).toContain('NHS: substance-misuse service contact; opioid substitution');
    await t.store.sql.query("UPDATE agreements SET health_disclosure = 'service_contact' WHERE id = 'dsa-nhs'");
  });
});

describe('the web’s special category key', () => {
  it('warns when it falls back to the data folder’s demo key, except in the demo', () => {
    const saved = process.env.TRIBUTARY_HEALTH_KEY;
    delete process.env.TRIBUTARY_HEALTH_KEY;
    const dirs = [mkdtempSync(join(tmpdir(), 'tributary-key-')), mkdtempSync(join(tmpdir(), 'tributary-key-'))];
    try {
      const warn = vi.fn();
      reidentificationKey(dirs[0]!, { warn });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/DEMO ONLY.*TRIBUTARY_HEALTH_KEY/));
      const quiet = vi.fn();
      reidentificationKey(dirs[1]!, { demo: true, warn: quiet });
      expect(quiet).not.toHaveBeenCalled();
    } finally {
      if (saved !== undefined) process.env.TRIBUTARY_HEALTH_KEY = saved;
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
