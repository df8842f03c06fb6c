/**
 * The OpenAPI 3.1 description, generated from the API route definitions (their Zod schemas) and
 * the access matrix (who may call each operation) — one source, no hand-written file.
 */
import { z } from 'zod';
import { findAccessRule, grantFor, ROLES } from '../../governance/index.ts';
import { errorCodes } from '../error-codes.ts';
import { SESSION_COOKIE } from '../session/session-cookie.ts';
import type { ApiRoute } from './api-route.ts';

const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorCodes) as [string, ...string[]]), message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(schema: z.ZodType, where: 'path' | 'query') {
  const shape = schema instanceof z.ZodObject ? schema.shape as Record<string, z.ZodType> : {};
  return Object.entries(shape).map(([name, field]) => ({
    name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: jsonSchema(field, 'input'),
  }));
}

function accessOf(route: ApiRoute) {
  const rule = findAccessRule(route.method, route.path);
  if (!rule) return { public: false, roles: {} };
  return {
    public: rule.public === true,
    roles: Object.fromEntries(ROLES.flatMap((role) => {
      const grant = grantFor(rule, role);
      return grant ? [[role, [...grant]]] : [];
    })),
  };
}

function operation(route: ApiRoute) {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } } });
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    security: route.method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }],
    'x-tributary-access': accessOf(route),
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
      400: error('The request was not valid'),
      401: error('Not signed in, or the session ended'),
      403: error('Refused by the access matrix, a missing purpose, or a missing CSRF token'),
    },
  };
}

/** The OpenAPI document for `routes`. Paths use `{param}` where Fastify uses `:param`. */
export function buildOpenApi(routes: readonly ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tributary API', version: '1',
      description: 'Each page’s data as JSON. Access follows the same matrix as the pages (see x-tributary-access).',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    paths,
  };
}
