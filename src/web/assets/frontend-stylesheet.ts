/**
 * One stylesheet built at start-up from the precompiled GOV.UK and MoJ Frontend CSS, so the
 * application uses their components without the GDS Transport typeface (a partnership's tool is
 * not a GOV.UK service): the @font-face rules are dropped, every font stack becomes a system stack,
 * image URLs point where the images are served, and Tributary's own rules come last.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { govukDist, mojRoot, publicDir } from './frontend-paths.ts';

export const SYSTEM_FONT_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

/** Rewrites one precompiled Frontend stylesheet: no GDS Transport, image URLs under `imagePrefix`. */
export function rewriteFrontendCss(css: string, imagePrefix: string): string {
  return css
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replace(/font-family:GDS Transport(,arial,sans-serif)?/g, `font-family:${SYSTEM_FONT_STACK}`)
    .replace(/url\(\/assets\/images\//g, `url(${imagePrefix}`);
}

export interface BuiltStylesheet {
  css: string;
  etag: string;
}

/** Builds the combined stylesheet served at /assets/tributary/frontend.css. */
export function buildFrontendStylesheet(): BuiltStylesheet {
  const govuk = readFileSync(join(govukDist, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  const moj = readFileSync(join(mojRoot, 'moj', 'moj-frontend.min.css'), 'utf8');
  const own = readFileSync(join(publicDir, 'tributary.css'), 'utf8');
  const css = [
    rewriteFrontendCss(govuk, '/assets/govuk/assets/images/'),
    rewriteFrontendCss(moj, '/assets/moj/assets/images/'),
    own,
  ].join('\n');
  return { css, etag: `"${createHash('sha256').update(css).digest('base64url').slice(0, 27)}"` };
}
