/**
 * The OpenID Connect relying party (openid-client 6): authorisation code flow with PKCE (S256),
 * state and nonce, and the user's claims from the ID token and the userinfo endpoint.
 */
import * as client from 'openid-client';
import type { OidcSettings } from '../settings.ts';

export interface OidcRelyingParty {
  /** The provider's authorisation URL and the checks to keep in the session until the callback. */
  start(): Promise<{ url: string; pending: Record<string, string> }>;
  /** Redeems the code in `callbackUrl` and returns the user's claims; throws when any check fails. */
  finish(callbackUrl: URL, pending: Record<string, string>): Promise<Record<string, unknown>>;
}

export function createOidcRelyingParty(settings: OidcSettings): OidcRelyingParty {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client.discovery(
      new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret },
      client.ClientSecretBasic(settings.clientSecret),
      settings.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
    ).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };

  return {
    async start() {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri, scope: settings.scope, state: pending.state, nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      }, { redirect_uri: settings.redirectUri });
      const idClaims = tokens.claims() as Record<string, unknown>;
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
      return { ...idClaims, ...userInfo };
    },
  };
}
