import { describe, expect, it } from 'vitest';
import { buildFrontendStylesheet, rewriteFrontendCss, SYSTEM_FONT_STACK } from './frontend-stylesheet.ts';

describe('the Frontend stylesheet', () => {
  it.each([
    {
      description: 'drops the GDS Transport font faces',
      css: '@font-face{font-family:GDS Transport;font-style:normal;src:url(/assets/fonts/x.woff2)}a{color:red}', out: 'a{color:red}',
    },
    { description: 'swaps the font stack for a system one', css: 'b{font-family:GDS Transport,arial,sans-serif}', out: `b{font-family:${SYSTEM_FONT_STACK}}` },
    { description: 'points images where they are served', css: 'c{background:url(/assets/images/icon.svg)}', out: 'c{background:url(/img/icon.svg)}' },
  ])('$description', ({ css, out }) => {
    expect(rewriteFrontendCss(css, '/img/')).toBe(out);
  });

  it('is built from GOV.UK and MoJ Frontend with no trace of the GDS typeface, and has a stable ETag', () => {
    const built = buildFrontendStylesheet();
    expect(built.css).toContain('.govuk-button');
    expect(built.css).toContain('.moj-header');
    expect(built.css).toContain('.tributary-header__button');
    expect(built.css).not.toMatch(/GDS Transport|@font-face|\/assets\/fonts\//);
    expect(buildFrontendStylesheet().etag).toBe(built.etag);
  });
});
