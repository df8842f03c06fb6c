/** The web application's settings: one Zod schema, defaults for the demo, overrides from the environment. */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { RoleSchema } from '../governance/index.ts';

const OidcSettingsSchema = z.object({
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The callback address registered with the provider: `https://…/sign-in/oidc/callback`. */
  redirectUri: z.string().url(),
  scope: z.string().default('openid profile'),
  /** The claim that carries the user's groups or roles (a string or an array of strings). */
  roleClaim: z.string().default('roles'),
  /** Claim value → Tributary role, e.g. `{ "yjs-practitioners": "practitioner" }`. */
  roleMap: z.record(z.string(), RoleSchema),
  teamClaim: z.string().optional(),
  agencyClaim: z.string().optional(),
  /** Only for a provider on a loopback address in tests and development: allow plain http. */
  allowInsecureRequests: z.boolean().default(false),
  label: z.string().default('your organisation account'),
}).strict();

export const WebSettingsSchema = z.object({
  partnershipName: z.string().min(1).default('Demo partnership'),
  port: z.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  dataDir: z.string().default(() => resolve('data')),
  uploadMaxBytes: z.number().int().positive().default(50 * 1024 * 1024),
  /** Trust X-Forwarded-* from the reverse proxy that terminates TLS. */
  trustProxy: z.boolean().default(false),
  /** `auto`: Secure cookies when the request came over https (directly or via a trusted proxy). */
  secureCookies: z.enum(['auto', 'always', 'never']).default('auto'),
  session: z.object({
    idleMinutes: z.number().positive().default(30),
    absoluteHours: z.number().positive().default(10),
  }).prefault({}),
  lockout: z.object({
    maxFailures: z.number().int().positive().default(5),
    lockMinutes: z.number().positive().default(15),
  }).prefault({}),
  signInRateLimit: z.object({
    max: z.number().int().positive().default(10),
    windowSeconds: z.number().positive().default(60),
  }).prefault({}),
  localSignIn: z.boolean().default(true),
  /** Key for the analysts' pseudonyms; set it for pseudonyms that survive a restart. */
  pseudonymKey: z.string().min(16).default(() => randomBytes(32).toString('hex')),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serving the demo town (`tributary demo`): the health key kept in the data folder is expected, not warned about. */
  demo: z.boolean().default(false),
  oidc: OidcSettingsSchema.optional(),
}).strict();

export type WebSettings = z.infer<typeof WebSettingsSchema>;
export type WebSettingsInput = z.input<typeof WebSettingsSchema>;
export type OidcSettings = z.infer<typeof OidcSettingsSchema>;

const flag = (value: string | undefined) => (value === undefined ? undefined : ['1', 'true', 'yes'].includes(value));
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** Settings from the environment (`TRIBUTARY_*`, `PORT`, `LOG_LEVEL`); unset values take the defaults. */
export function loadWebSettings(env: NodeJS.ProcessEnv = process.env): WebSettings {
  const oidc = env.TRIBUTARY_OIDC_ISSUER ? {
    issuer: env.TRIBUTARY_OIDC_ISSUER,
    clientId: env.TRIBUTARY_OIDC_CLIENT_ID,
    clientSecret: env.TRIBUTARY_OIDC_CLIENT_SECRET,
    redirectUri: env.TRIBUTARY_OIDC_REDIRECT_URI,
    scope: env.TRIBUTARY_OIDC_SCOPE,
    roleClaim: env.TRIBUTARY_OIDC_ROLE_CLAIM,
    roleMap: JSON.parse(env.TRIBUTARY_OIDC_ROLE_MAP ?? '{}'),
    teamClaim: env.TRIBUTARY_OIDC_TEAM_CLAIM,
    agencyClaim: env.TRIBUTARY_OIDC_AGENCY_CLAIM,
    label: env.TRIBUTARY_OIDC_LABEL,
  } : undefined;
  return WebSettingsSchema.parse(dropUndefined({
    partnershipName: env.TRIBUTARY_PARTNERSHIP_NAME,
    port: number(env.PORT),
    host: env.HOST,
    dataDir: env.TRIBUTARY_DATA_DIR ? resolve(env.TRIBUTARY_DATA_DIR) : undefined,
    uploadMaxBytes: number(env.TRIBUTARY_UPLOAD_MAX_BYTES),
    trustProxy: flag(env.TRIBUTARY_TRUST_PROXY),
    secureCookies: env.TRIBUTARY_SECURE_COOKIES,
    session: dropUndefined({
      idleMinutes: number(env.TRIBUTARY_SESSION_IDLE_MINUTES),
      absoluteHours: number(env.TRIBUTARY_SESSION_ABSOLUTE_HOURS),
    }),
    localSignIn: flag(env.TRIBUTARY_LOCAL_SIGN_IN),
    pseudonymKey: env.TRIBUTARY_PSEUDONYM_KEY,
    logLevel: env.LOG_LEVEL,
    oidc: oidc && dropUndefined(oidc),
  }));
}

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
