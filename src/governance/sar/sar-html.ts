/**
 * The readable copy of a subject access export: one self-contained, accessible HTML page (plain
 * semantic HTML, styling inline in the GOV.UK idiom but without its typeface or crown), a heading
 * and a captioned table per section, nested values as definition lists.
 */
import type { SubjectAccessExport, SubjectAccessSection } from './export-subject-access.ts';
import type { SarValue } from './sar-section.ts';

const STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px}
header{background:#0b0c0c;color:#fff;padding:12px 30px;border-bottom:10px solid #1d70b8}
header p{margin:0;font-weight:700;font-size:24px}
main{max-width:1100px;margin:0 auto;padding:30px}
h1{font-size:48px;margin:0 0 30px}h2{font-size:36px;margin:45px 0 15px}
.lead{font-size:24px}.inset{border-left:10px solid #b1b4b6;padding:15px;margin:20px 0}
table{border-collapse:collapse;width:100%;margin-bottom:20px;font-size:16px}
caption{text-align:left;font-weight:700;margin-bottom:10px}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
dl{margin:0}dt{font-weight:700}dd{margin:0 0 5px 15px}ul{margin:0;padding-left:20px}
.empty{color:#505a5f}
@media print{header{background:#fff;color:#0b0c0c}}`;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function cell(value: SarValue | undefined): string {
  if (value === null || value === undefined || value === '') return '<span class="empty">—</span>';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? `<ul>${value.map((v) => `<li>${cell(v)}</li>`).join('')}</ul>` : '<span class="empty">none</span>';
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length
      ? `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`
      : '<span class="empty">none</span>';
  }
  return escapeHtml(String(value));
}

function columns(section: SubjectAccessSection): string[] {
  const present = new Set(section.rows.flatMap((row) => Object.keys(row)));
  const labelled = Object.keys(section.labels).filter((key) => present.has(key));
  return [...labelled, ...[...present].filter((key) => !(key in section.labels))];
}

function sectionHtml(section: SubjectAccessSection): string {
  const cols = columns(section);
  const body = section.rows.length === 0
    ? '<p class="empty">Nothing held.</p>'
    : `<table><caption>${escapeHtml(section.title)}: ${section.rows.length} ${section.rows.length === 1 ? 'entry' : 'entries'}</caption>
<thead><tr>${cols.map((c) => `<th scope="col">${escapeHtml(section.labels[c] ?? c)}</th>`).join('')}</tr></thead>
<tbody>${section.rows.map((row) => `<tr>${cols.map((c) => `<td>${cell(row[c])}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
  return `<section aria-labelledby="s-${section.id}">
<h2 id="s-${section.id}">${escapeHtml(section.title)}</h2>
<p>${escapeHtml(section.about)}</p>
${body}
</section>`;
}

/** The export as one HTML document. */
export function renderSubjectAccessHtml(sar: SubjectAccessExport, partnership = 'Tributary'): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Information we hold about you (${escapeHtml(sar.personId)}) – ${escapeHtml(partnership)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">Skip to main content</a>
<header><p>${escapeHtml(partnership)}</p></header>
<main id="content">
<h1>Information we hold about you</h1>
<p class="lead">This is a copy of everything the partnership’s Tributary system holds about the person with reference <strong>${escapeHtml(sar.personId)}</strong>, produced on ${escapeHtml(sar.generatedAt.slice(0, 10))}.</p>
<div class="inset">${sar.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('')}</div>
<nav aria-label="Contents"><h2>Contents</h2><ul>${sar.sections.map((s) => `<li><a href="#s-${s.id}">${escapeHtml(s.title)}</a> (${s.rows.length})</li>`).join('')}</ul></nav>
${sar.sections.map(sectionHtml).join('\n')}
</main>
</body>
</html>
`;
}
