/** Where GOV.UK Frontend, MoJ Frontend and Tributary's own templates and assets live on disk. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** `…/govuk-frontend/dist`: templates are `govuk/components/…`, assets under `govuk/`. */
export const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** `…/@ministryofjustice/frontend`: templates are `moj/components/…`, assets under `moj/`. */
export const mojRoot = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
export const viewsDir = join(here, '..', 'views');
export const publicDir = join(here, '..', 'public');
