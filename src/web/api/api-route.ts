/**
 * API routes as data: method, path, Zod schemas for the parameters, query, body and response, and a
 * handler. The same definitions register the Fastify routes and generate the OpenAPI description.
 * Responses are parsed through their schema, so a handler can never send a field the schema lacks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { HttpError } from '../http-error.ts';

const empty = z.object({});
type Empty = typeof empty;

export interface ApiInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: FastifyRequest;
  reply: FastifyReply;
  ctx: AppContext;
}

export interface ApiRoute<
  P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST';
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params: P;
  query: Q;
  body: B | null;
  response: R;
  handler(input: ApiInput<P, Q, B>): Promise<z.input<R>>;
}

/** Declares an API route; params, query and body default to "none". */
export function defineApiRoute<
  R extends z.ZodType, P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty,
>(route: Omit<ApiRoute<P, Q, B, R>, 'params' | 'query' | 'body'> & { params?: P; query?: Q; body?: B }): ApiRoute<P, Q, B, R> {
  return {
    ...route,
    params: route.params ?? (empty as unknown as P),
    query: route.query ?? (empty as unknown as Q),
    body: route.body ?? null,
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new HttpError('VALIDATION_FAILED', undefined, { cause: result.error });
  return result.data;
}

/** Registers every route on the app. */
export function registerApiRoutes(app: FastifyInstance, ctx: AppContext, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const input = {
          params: parse(route.params, request.params),
          query: parse(route.query, request.query),
          body: route.body ? parse(route.body, request.body) : {},
          request, reply, ctx,
        };
        const result = await route.handler(input);
        reply.header('cache-control', 'no-store');
        return route.response.parse(result);
      },
    });
  }
}
