/**
 * The Models page's charts: the score stage's Vega-Lite specs, rendered on the server to SVG and
 * shown as images (`data:` URLs), so they work without JavaScript and under the strict content
 * security policy. Each chart's numbers are also shown as a table beside it. Versions never change,
 * so a rendered chart is cached by version and chart.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  title: string;
  /** A `data:image/svg+xml;base64,…` URL. */
  src: string;
  /** The Vega-Lite specification, for the API and the page's "specification" details. */
  spec: TopLevelSpec;
}

const cache = new Map<string, Promise<RenderedChart>>();
const MAX_CACHED = 200;

async function render(title: string, spec: TopLevelSpec): Promise<RenderedChart> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return { title, spec, src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The chart rendered once per `key` (a version id and chart name). */
export function renderChart(key: string, title: string, spec: () => TopLevelSpec): Promise<RenderedChart> {
  let chart = cache.get(key);
  if (!chart) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    chart = render(title, spec());
    chart.catch(() => cache.delete(key));
    cache.set(key, chart);
  }
  return chart;
}
