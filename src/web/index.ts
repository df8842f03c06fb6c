/** The web application: `buildApp`, its settings, and the demo accounts. */
export { buildApp, type BuildAppOptions, type RegisteredRoute } from './app.ts';
export { loadWebSettings, WebSettingsSchema, type WebSettings, type WebSettingsInput, type OidcSettings } from './settings.ts';
export { seedDemoAccounts, demoPassword, demoAccounts, DEMO_TEAM } from './auth/demo-accounts.ts';
export { upsertLocalAccount } from './auth/accounts.ts';
export { HttpError } from './http-error.ts';
export { errorCodes, type ErrorCode } from './error-codes.ts';
export { apiRoutes } from './api/api-routes.ts';
export { buildOpenApi } from './api/openapi.ts';
