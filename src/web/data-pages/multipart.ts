/**
 * multipart/form-data bodies (the upload form), parsed with the platform's own parser (`Response.
 * formData()`), up to the configured size. Fields become strings; a file becomes an UploadedFile.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

export function registerMultipartParser(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: maxBytes }, async (request: FastifyRequest, body: Buffer) => {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    } catch {
      throw new HttpError('VALIDATION_FAILED', 'The upload could not be read. Choose the file again and retry.');
    }
    const fields: MultipartBody = {};
    for (const [name, value] of form) {
      fields[name] = typeof value === 'string' ? value
        : { fileName: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) };
    }
    return fields;
  });
}
