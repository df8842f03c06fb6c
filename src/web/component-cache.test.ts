import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { govukDist, mojRoot, viewsDir } from './assets/frontend-paths.ts';
import { cacheComponents } from './component-cache.ts';

const page = `{% from "govuk/components/button/macro.njk" import govukButton %}
{% from "govuk/components/details/macro.njk" import govukDetails %}
{% from "govuk/components/radios/macro.njk" import govukRadios %}
{% from "moj/components/pagination/macro.njk" import mojPagination %}
{{ govukButton({ text: label }) }}{{ govukButton({ text: label }) }}{{ govukButton({ text: "Other", classes: "govuk-button--secondary" }) }}
{% call govukDetails({ summaryText: "More" }) %}<p>{{ inner }}</p>{% endcall %}
{{ govukRadios({ name: "kind", items: [{ value: "a", text: "A", checked: true }, { value: "b", text: "B" }], errorMessage: { text: err } if err }) }}
{{ mojPagination({ items: [{ text: "1", href: "/worklist?page=1", selected: true }] }) }}`;

const environment = () => new nunjucks.Environment(new nunjucks.FileSystemLoader([viewsDir, govukDist, mojRoot]), { autoescape: true });

describe('cacheComponents', () => {
  it('renders every component exactly as the macro does, calls with a caller included, and keeps repeated calls', () => {
    const plain = environment();
    const cached = environment();
    const stats = cacheComponents(cached);
    for (const data of [{ label: 'Save <now>', inner: 'one', err: '' }, { label: 'Save <now>', inner: 'two', err: 'Choose one' }]) {
      expect(cached.renderString(page, data)).toBe(plain.renderString(page, data));
    }
    expect(stats.hits).toBeGreaterThan(0);
    expect(cached.renderString(page, { label: 'x', inner: '<b>', err: '' })).toContain('<p>&lt;b&gt;</p>');
  });
});
