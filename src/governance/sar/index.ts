/** Subject access: everything held about one person, as data, JSON and a readable HTML page. */
export {
  exportSubjectAccess, type ExportOptions, type SubjectAccessExport, type SubjectAccessSection,
} from './export-subject-access.ts';
export { renderSubjectAccessHtml, escapeHtml } from './sar-html.ts';
export { writeSubjectAccess } from './write-subject-access.ts';
export { SAR_SECTIONS } from './sar-sections.ts';
export type { SarSection, SarRow, SarValue } from './sar-section.ts';
export type { SarContext } from './sar-context.ts';
