/** The Data pages: the overview, a batch's quarantined rows as CSV, and an uploader's upload form. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../../governance/index.ts';
import { agencyScope } from '../access/scope.ts';
import type { AppContext } from '../app-context.ts';
import { HttpError } from '../http-error.ts';
import { loadDataOverview } from './data-overview.ts';
import { isUploadedFile, type MultipartBody } from './multipart.ts';
import { quarantineCsv } from './quarantine-csv.ts';
import { ALLOWED_EXTENSIONS, saveUpload } from './save-upload.ts';

const BatchParams = z.object({ batchId: z.string().regex(/^[1-9][0-9]{0,15}$/).transform(Number) });

export function registerDataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/data', async (request, reply) => {
    const overview = await loadDataOverview(ctx.store, agencyScope(request));
    const uploaded = Number((request.query as Record<string, string>).uploaded) || null;
    return ctx.render(request, reply, 'data', {
      pageTitle: overview.scope === 'own_agency' ? 'Your uploads' : 'Data', overview, uploaded,
      canDownload: request.principal!.role === 'analyst' || request.principal!.role === 'uploader',
      canUpload: request.principal!.role === 'uploader',
    });
  });

  app.get('/data/batches/:batchId/quarantine.csv', async (request, reply) => {
    const parsed = BatchParams.safeParse(request.params);
    if (!parsed.success) throw new HttpError('NOT_FOUND');
    const { batchId } = parsed.data;
    const [batch] = await ctx.store.sql.query('SELECT id FROM ingest_batches WHERE id = $1', [batchId]);
    if (!batch) throw new HttpError('NOT_FOUND');
    const { csv, rows } = await quarantineCsv(ctx.store, batchId);
    await appendAudit(ctx.store, {
      actor: request.principal!.username, role: request.principal!.role, action: 'export.quarantine_csv',
      subjectRef: `batch:${batchId}`, details: { rows },
    });
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="batch-${batchId}-quarantine.csv"`)
      .header('cache-control', 'no-store').send(csv);
  });

  const uploadForm = async (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}, status = 200) => {
    const agencyId = request.principal!.agencyId;
    const datasets = agencyId
      ? await ctx.store.sql.query<{ id: string }>('SELECT id FROM datasets WHERE agency_id = $1 ORDER BY id', [agencyId]) : [];
    return ctx.render(request, reply, 'upload', {
      pageTitle: 'Upload an extract', hasAgency: Boolean(agencyId), datasets: datasets.map((d) => d.id),
      accept: ALLOWED_EXTENSIONS.join(','), fieldErrors: {}, ...data,
    }, status);
  };

  app.get('/data/upload', async (request, reply) => uploadForm(request, reply));

  app.post('/data/upload', async (request, reply) => {
    const principal = request.principal!;
    const body = (request.body ?? {}) as MultipartBody;
    const datasetId = typeof body.dataset === 'string' ? body.dataset : '';
    const file = isUploadedFile(body.file) && body.file.data.length > 0 ? body.file : null;
    const errors: Array<{ text: string; href: string }> = [];
    const [dataset] = datasetId
      ? await ctx.store.sql.query<{ agency_id: string }>('SELECT agency_id FROM datasets WHERE id = $1', [datasetId]) : [];
    if (dataset && dataset.agency_id !== principal.agencyId) {
      await appendAudit(ctx.store, {
        actor: principal.username, role: principal.role, action: 'access.refused',
        details: { method: 'POST', route: '/data/upload', code: 'NOT_YOUR_AGENCY' },
      });
      throw new HttpError('NOT_YOUR_AGENCY');
    }
    if (!dataset) errors.push({ text: 'Select the dataset this extract belongs to', href: '#dataset' });
    if (!file) errors.push({ text: 'Select a file to upload', href: '#file' });
    else if (!ALLOWED_EXTENSIONS.some((ext) => file.fileName.toLowerCase().endsWith(ext))) {
      errors.push({ text: `The file must be one of: ${ALLOWED_EXTENSIONS.join(', ')}`, href: '#file' });
    }
    if (errors.length || !file || !principal.agencyId) {
      const fieldErrors = Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text]));
      return uploadForm(request, reply, { errors, fieldErrors, selected: datasetId, hasErrors: true }, 400);
    }
    const saved = await saveUpload(ctx.store, ctx.settings.dataDir, { ...principal, agencyId: principal.agencyId }, datasetId, file);
    return reply.redirect(`/data?uploaded=${saved.id}`, 303);
  });
}
