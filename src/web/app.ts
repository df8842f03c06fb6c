/**
 * `buildApp`: the practitioner application as a Fastify instance (tests drive it with `inject`,
 * `tributary serve` listens on a port). Plugins, hooks and routes are composed here, in order:
 * security headers, sessions, the access matrix, CSRF, then the routes.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Store } from '../store/index.ts';
import { registerAccessHook } from './access/access-hook.ts';
import { registerCsrfCheck } from './access/csrf.ts';
import { apiRoutes } from './api/api-routes.ts';
import { registerApiRoutes } from './api/api-route.ts';
import { buildOpenApi } from './api/openapi.ts';
import type { AppContext } from './app-context.ts';
import { registerCaseworkRoutes } from './casework/casework-routes.ts';
import { registerAssets } from './assets/asset-routes.ts';
import { registerOidcRoutes } from './auth/oidc-routes.ts';
import { registerSignInRoutes } from './auth/sign-in-routes.ts';
import { registerDataRoutes } from './data-pages/data-routes.ts';
import { registerMultipartParser } from './data-pages/multipart.ts';
import { registerErrorPages } from './error-pages.ts';
import { registerGovernanceRoutes } from './governance-pages/governance-routes.ts';
import { registerHealthRoute } from './health-route.ts';
import { registerHomeRoutes } from './home/home-routes.ts';
import { registerModelRoutes } from './models/models-routes.ts';
import { createLogger } from './logger.ts';
import { registerPeopleRoutes } from './people/people-routes.ts';
import { createPageRenderer, registerViews } from './rendering.ts';
import { registerPlaceholderRoutes } from './sections/placeholder-routes.ts';
import { registerWorklistRoutes } from './worklist/worklist-routes.ts';
import { registerReviewRoutes } from './review/review-routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerSessionHook } from './session/session-hook.ts';
import { registerTransparencyRoutes } from './transparency/transparency-routes.ts';
import { registerReidentificationRoutes } from './reidentification/reidentification-routes.ts';
import { WebSettingsSchema, type WebSettingsInput } from './settings.ts';

export interface BuildAppOptions {
  store: Store;
  settings?: WebSettingsInput;
  /** Where the request log goes (stdout by default); tests pass a stream to read it. */
  logDestination?: DestinationStream;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as the access-matrix tests need it. */
    routeTable: RegisteredRoute[];
  }
}

/** Builds the application; call `listen` to serve or `inject` to test. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const settings = WebSettingsSchema.parse(options.settings ?? {});
  const app = Fastify({
    loggerInstance: createLogger(settings.logLevel, options.logDestination),
    trustProxy: settings.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });

  const ctx: AppContext = { store: options.store, settings, render: createPageRenderer(settings) };
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, { global: false });
  await registerSecurityHeaders(app);
  await registerViews(app);
  registerMultipartParser(app, settings.uploadMaxBytes);
  registerSessionHook(app, ctx.store, settings);
  registerAccessHook(app, ctx.store);
  registerCsrfCheck(app);
  registerErrorPages(app, ctx.render);

  await registerAssets(app);
  registerHealthRoute(app, ctx.store);
  registerSignInRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerTransparencyRoutes(app, ctx);
  registerPlaceholderRoutes(app, ctx);
  registerModelRoutes(app, ctx);
  registerWorklistRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerDataRoutes(app, ctx);
  registerGovernanceRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerCaseworkRoutes(app, ctx);
  registerReidentificationRoutes(app, ctx);
  registerApiRoutes(app, ctx, apiRoutes);
  const openApi = buildOpenApi(apiRoutes);
  app.get('/api/v1/openapi.json', async () => openApi);
  return app;
}
