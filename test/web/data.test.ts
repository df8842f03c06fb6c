/** The Data section: the overview by role, quarantine downloads, and an agency uploader's upload. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type Actor, type TestApp } from './support/web-app.ts';

/** A multipart body as a browser would send it. */
async function multipart(fields: Record<string, string | { name: string; content: string }>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, new Blob([value.content], { type: 'text/csv' }), value.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

describe.each(storeTargets)('the Data section on $name', (target) => {
  let t: TestApp;
  let small: FastifyInstance;
  const dataDir = mkdtempSync(join(tmpdir(), 'tributary-web-'));
  beforeAll(async () => {
    t = await startTestApp(target, { dataDir });
    small = await t.withSettings({ dataDir, uploadMaxBytes: 1024 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (actor: Actor, fields: Parameters<typeof multipart>[0], app?: FastifyInstance) => {
    const { payload, headers } = await multipart(fields);
    const options = { method: 'POST' as const, url: '/data/upload', payload, headers: { ...headers, cookie: actor.cookie } };
    return app ? app.inject(options) : t.app.inject(options);
  };

  it('shows an analyst every agency, dataset, agreement and batch with loaded and quarantined counts', async () => {
    const page = await t.request(await t.actAs('analyst'), { url: '/data' });
    expect(page.statusCode).toBe(200);
    for (const text of ['Riverside Academy', 'County Police', 'school-census', 'police-custody', 'dsa-police', 'public task']) {
      expect(page.body).toContain(text);
    }
    expect(page.body).toContain(`/data/batches/${t.fixtures.ownBatch}/quarantine.csv`);
    expect(page.body).toContain(`/data/batches/${t.fixtures.otherBatch}/quarantine.csv`);
    expect(page.body).toMatch(/govuk-table__cell--numeric">8</);
  });

  it('shows an uploader only their agency’s batches and uploads, with the upload button', async () => {
    const page = await t.request(await t.actAs('uploader'), { url: '/data' });
    expect(page.body).toContain('<h1 class="govuk-heading-l">Your uploads</h1>');
    expect(page.body).toContain('href="/data/upload"');
    expect(page.body).toContain(`/data/batches/${t.fixtures.ownBatch}/quarantine.csv`);
    for (const text of [`/data/batches/${t.fixtures.otherBatch}/`, 'County Police', 'police-custody', 'dsa-school']) {
      expect(page.body).not.toContain(text);
    }
  });

  it('downloads quarantined rows as CSV, neutralising formulas, and audits the export', async () => {
    const analyst = await t.actAs('analyst');
    const response = await t.request(analyst, { url: `/data/batches/${t.fixtures.ownBatch}/quarantine.csv` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="batch-${t.fixtures.ownBatch}-quarantine.csv"`);
    expect(response.body.trim().split('\n')).toEqual([
      'row_number,column,code,message,raw',
      `3,dob,DATE_INVALID,not a date,"'=HYPERLINK(""x"")"`,
      '7,,ROW_SHORT,too few columns,"a,b"',
    ]);
    const [entry] = await t.store.sql.query<{ subject_ref: string; details: unknown }>(
      `SELECT subject_ref, details FROM audit_log WHERE action = 'export.quarantine_csv' AND actor = 'analyst'`,
    );
    expect(entry!.subject_ref).toBe(`batch:${t.fixtures.ownBatch}`);
    expect(typeof entry!.details === 'string' ? JSON.parse(entry!.details) : entry!.details).toEqual({ rows: 2 });
    expect((await t.request(analyst, { url: '/data/batches/999999/quarantine.csv' })).statusCode).toBe(404);
  });

  it('offers an uploader only their agency’s datasets', async () => {
    const form = await t.request(await t.actAs('uploader'), { url: '/data/upload' });
    expect(form.body).toContain('value="school-census"');
    expect(form.body).not.toContain('police-custody');
    expect(form.body).toContain('enctype="multipart/form-data"');
  });

  it('saves an upload outside the original name, records and audits it, loads it as a batch, and lists it', async () => {
    const uploader = await t.actAs('uploader');
    const content = 'UPN,Forename,Surname,DOB\nA123456789012,Test,Pupil,2010-05-01\nB123456789012,Other,Pupil,2011-02-03\n';
    const response = await upload(uploader, { _csrf: uploader.csrf, dataset: 'school-census', file: { name: 'census-oct.csv', content } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    expect(response.headers.location).toMatch(/^\/data\?uploaded=\d+$/);
    const [row] = await t.store.sql.query<Record<string, unknown>>('SELECT * FROM uploads ORDER BY id DESC LIMIT 1');
    expect(row, String(row?.message)).toMatchObject({ agency_id: 'school-a', dataset_id: 'school-census', file_name: 'census-oct.csv', status: 'ingested' });
    const stored = String(row!.stored_path);
    expect(stored.startsWith(join(dataDir, 'uploads', 'school-a'))).toBe(true);
    expect(stored).not.toContain('census-oct');
    expect(readFileSync(stored, 'utf8')).toBe(content);
    expect(statSync(stored).mode & 0o777).toBe(0o600);
    const [batch] = await t.store.sql.query<Record<string, unknown>>('SELECT * FROM ingest_batches WHERE id = $1', [row!.batch_id]);
    expect(batch).toMatchObject({ dataset_id: 'school-census', status: 'complete', rows_read: 2, rows_loaded: 2 });
    const [entry] = await t.store.sql.query<{ subject_ref: string }>(`SELECT subject_ref FROM audit_log WHERE action = 'upload.received'`);
    expect(entry!.subject_ref).toBe(`upload:${row!.id}`);
    const page = await t.request(uploader, { url: String(response.headers.location) });
    expect(page.body).toContain('Your file was received');
    expect(page.body).toContain('census-oct.csv');
    expect(page.body).toContain('2 rows loaded, 0 quarantined.');
  });

  it('records a file the ingest stage refuses as failed, naming the file but not where it is kept', async () => {
    const uploader = await t.actAs('uploader');
    const response = await upload(uploader, { _csrf: uploader.csrf, dataset: 'school-census', file: { name: 'wrong-columns.csv', content: 'Name,Town\nA,B\n' } });
    expect(response.statusCode).toBe(303);
    const [row] = await t.store.sql.query<{ status: string; message: string; stored_path: string }>('SELECT * FROM uploads ORDER BY id DESC LIMIT 1');
    expect(row!.status).toBe('failed');
    expect(row!.message).toMatch(/^INGEST_/);
    expect(row!.message).not.toContain(dataDir);
  });

  it.each([
    { description: 'no dataset and no file', fields: {}, errors: ['Select the dataset', 'Select a file'] },
    { description: 'a file of a format no adapter reads', fields: { dataset: 'school-census', file: { name: 'notes.docx', content: 'x' } }, errors: ['The file must be one of'] },
  ])('shows the upload form again with errors for $description', async ({ fields, errors }) => {
    const uploader = await t.actAs('uploader');
    const response = await upload(uploader, { _csrf: uploader.csrf, ...fields } as Parameters<typeof multipart>[0]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    for (const error of errors) expect(response.body).toContain(error);
  });

  it.each([
    { description: 'into another agency’s dataset', csrf: true, dataset: 'police-custody', status: 403 },
    { description: 'without the CSRF token', csrf: false, dataset: 'school-census', status: 403 },
  ])('refuses an upload $description', async ({ csrf, dataset, status }) => {
    const uploader = await t.actAs('uploader');
    const before = await t.store.sql.query('SELECT id FROM uploads');
    const response = await upload(uploader, { ...(csrf ? { _csrf: uploader.csrf } : {}), dataset, file: { name: 'x.csv', content: 'a\n1\n' } });
    expect(response.statusCode).toBe(status);
    expect(await t.store.sql.query('SELECT id FROM uploads')).toHaveLength(before.length);
  });

  it('refuses a file over the size limit with a 413 page', async () => {
    const uploader = await t.actAs('uploader');
    const response = await upload(uploader, { _csrf: uploader.csrf, dataset: 'school-census', file: { name: 'big.csv', content: 'x'.repeat(4096) } }, small);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('The file is too large');
  });
});
