/**
 * The catalogue of stable error codes the web application and its API answer with. Scripts may
 * rely on the code; the message is for people and may be reworded.
 */
export const errorCodes = {
  NOT_SIGNED_IN: { status: 401, message: 'Sign in to use this service.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has ended. Sign in again.' },
  FORBIDDEN: { status: 403, message: 'You do not have access to this page.' },
  NOT_YOUR_TEAM: { status: 403, message: 'This belongs to another team.' },
  NOT_YOUR_AGENCY: { status: 403, message: 'This belongs to another agency.' },
  ROUTE_NOT_IN_MATRIX: { status: 403, message: 'This page is not in the access matrix, so nobody may open it.' },
  PURPOSE_REQUIRED: { status: 403, message: 'State your purpose before you open a person’s record.' },
  PURPOSE_NOT_ALLOWED: {
    status: 403,
    message: 'That purpose is not allowed. People may only be viewed for a purpose of your role that an agreement allows.',
  },
  CSRF_INVALID: { status: 403, message: 'The form had expired or did not come from this service. Go back, reload the page and try again.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait a minute and try again.' },
  VALIDATION_FAILED: { status: 400, message: 'The request was not valid.' },
  PERSON_ID_INVALID: { status: 400, message: 'A person is addressed by their opaque id, never by a name or an NHS or other number.' },
  NOT_FOUND: { status: 404, message: 'Page not found.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The file is too large.' },
  OIDC_NOT_CONFIGURED: { status: 404, message: 'Signing in with an organisation account is not set up.' },
  OIDC_FAILED: { status: 401, message: 'Signing in with your organisation account did not work. Try again.' },
  OIDC_NO_ROLE: { status: 403, message: 'Your organisation account has no Tributary role. Ask your administrator for access.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not available.' },
  INTERNAL: { status: 500, message: 'Sorry, there is a problem with the service.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;
