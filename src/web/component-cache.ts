/**
 * GOV.UK and MoJ Frontend components rendered once per distinct set of parameters. Each component's
 * `macro.njk` only includes its `template.njk` with `params`; rendering that template is most of a
 * page's cost (a person page calls twenty-odd components, most with the same parameters every time:
 * buttons, inputs, radios, the navigation). The loader gives each such macro a body that asks
 * `renderComponent`, which renders the template with exactly what the include gave it (`params`,
 * `caller`) and keeps the HTML by the parameters' JSON. A call with a `caller` body is never kept.
 * The output is the same string the include produced.
 */
import nunjucks from 'nunjucks';

/** Distinct component calls kept; past this the oldest are dropped. */
const MAX_ENTRIES = 4000;
/** Parameters longer than this as JSON (a long table, a person's records) are rendered but not kept. */
const MAX_KEY = 16_384;

const SIMPLE_MACRO = /^\{% macro (\w+)\(params\) %\}\s*\{%- include "\.\/template\.njk" -%\}\s*\{% endmacro %\}\s*$/;
const COMPONENT_MACRO = /^(govuk|moj)\/components\/[a-z-]+\/macro\.njk$/;

type Loader = nunjucks.ILoader & { getSource(name: string): nunjucks.LoaderSource | null };

export interface ComponentCacheStats { hits: number; misses: number; size: number }

/** Installs the cache on `env` (the one @fastify/view configured); returns its counters. */
export function cacheComponents(env: nunjucks.Environment): ComponentCacheStats {
  const stats: ComponentCacheStats = { hits: 0, misses: 0, size: 0 };
  const cache = new Map<string, nunjucks.runtime.SafeString>();
  const render = (template: string, params: unknown, caller: unknown) =>
    new nunjucks.runtime.SafeString(env.render(template, caller === undefined ? { params } : { params, caller }));
  env.addGlobal('renderComponent', (template: string, params: unknown, caller: unknown) => {
    if (caller !== undefined) return render(template, params, caller);
    const key = `${template}\u0000${JSON.stringify(params) ?? ''}`;
    const kept = cache.get(key);
    if (kept !== undefined) {
      stats.hits += 1;
      return kept;
    }
    stats.misses += 1;
    const html = render(template, params, caller);
    if (key.length <= MAX_KEY) {
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, html);
      stats.size = cache.size;
    }
    return html;
  });
  for (const loader of (env as unknown as { loaders: Loader[] }).loaders) {
    const getSource = loader.getSource.bind(loader);
    loader.getSource = (name: string) => {
      const source = getSource(name);
      const macro = source && COMPONENT_MACRO.test(name) ? SIMPLE_MACRO.exec(source.src) : null;
      if (!source || !macro) return source;
      const template = name.replace(/macro\.njk$/, 'template.njk');
      return { ...source, src: `{% macro ${macro[1]}(params) %}{{ renderComponent("${template}", params, caller) }}{% endmacro %}` };
    };
  }
  return stats;
}
