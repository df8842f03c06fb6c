/** Small Markdown builders for the transparency documents: escaped table cells and JSON as a table of paths. */

/** A table cell: pipes escaped, line breaks flattened. */
export const mdCell = (value: unknown): string =>
  (value === null || value === undefined || value === '' ? '—' : String(value)).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A Markdown table. */
export function mdTable(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '_None._';
  return [
    `| ${headers.map(mdCell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

/** Flattens JSON to `[path, value]` pairs (`calibration.brier`, `groups[0].selection_rate`), numbers to 4 significant digits. */
export function flattenJson(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => flattenJson(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => flattenJson(item, path ? `${path}.${key}` : key));
  }
  const shown = typeof value === 'number' && !Number.isInteger(value) ? String(Number(value.toPrecision(4))) : String(value);
  return [[path || '(value)', shown]];
}

/** JSON as a two-column table of paths and values. */
export const jsonTable = (value: unknown, label = 'Measure'): string => mdTable([label, 'Value'], flattenJson(value));

/** A bulleted list. */
export const mdList = (items: string[]): string => items.map((item) => `- ${item.replace(/\s*\n\s*/g, ' ')}`).join('\n');
