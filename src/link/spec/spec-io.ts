/** Reading, validating and hashing a linkage spec: every problem reported at once. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LinkError, type LinkErrorCode } from '../link-error.ts';
import { LinkageSpecSchema, type LinkageSpec } from './linkage-spec-schema.ts';

/** Formats every Zod issue as `path: message`, one per line. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('\n');
}

/** Parses data with a schema, or throws one LinkError listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, what: string, code: LinkErrorCode): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new LinkError(code, `${what} is not valid:\n${formatIssues(result.error)}`, { file: what });
  return result.data;
}

/** Validates a spec object. */
export function parseSpec(data: unknown, where = 'the linkage spec'): LinkageSpec {
  return parseOrThrow(LinkageSpecSchema, data, where, 'LINK_SPEC_INVALID');
}

/** Reads a spec from a JSON or YAML file. */
export async function readSpecFile(path: string): Promise<LinkageSpec> {
  const text = await readFile(path, 'utf8');
  return parseSpec(path.endsWith('.json') ? JSON.parse(text) : parseYaml(text), path);
}

/** Canonical JSON (keys sorted) so that equal specs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content hash saved with every run: `sha256:` and the hex digest of the canonical spec. */
export function specHash(spec: LinkageSpec): string {
  return `sha256:${createHash('sha256').update(canonicalJson(spec)).digest('hex')}`;
}
