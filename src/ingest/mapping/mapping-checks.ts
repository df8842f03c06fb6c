/**
 * The checks a schema cannot express, run on whatever parts of a mapping parse, so that every
 * problem is reported at once: options that do not fit the format, fixed-width layouts, role
 * sources that do not fit their role, repeated event rules, groups on formats without groups,
 * columns inside an `each` rule named with the group's prefix, and conditions that test nothing.
 */
import {
  ContactRuleSchema, EventRuleSchema, FORMATS, FormatOptionsSchema, IdentifiersSchema, type Condition, type Format,
} from '../mapping-schema.ts';
import { contactRuleColumns, eventRuleColumns, roleSourceColumns } from './mapping-columns.ts';

export interface MappingProblem {
  /** Dotted path in the mapping, e.g. `events.2.date`. */
  readonly path: string;
  readonly message: string;
}

const FLAT_FORMATS: readonly Format[] = ['csv', 'fixed-width'];
const DATE_ROLES = new Set(['dob']);
const NAME_ROLES = new Set(['given_name', 'middle_names', 'family_name']);
const OPTION_FORMATS: Record<string, readonly Format[]> = {
  delimiter: ['csv'], header: ['csv'], record_path: ['json'], record_element: ['xml'],
  columns: ['fixed-width'], record_type: ['fixed-width'], encoding: ['csv', 'json', 'xml', 'fixed-width', 'fhir'],
};

const obj = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every cross-check problem of a mapping given as plain data (parts that fail the schema are skipped here). */
export function crossCheckMapping(data: unknown): MappingProblem[] {
  const mapping = obj(data);
  const format = FORMATS.find((f) => f === mapping.format);
  const problems: MappingProblem[] = [];
  const options = FormatOptionsSchema.safeParse(mapping.options ?? {});
  const fixedColumns = options.success && format === 'fixed-width' ? new Set((options.data.columns ?? []).map((c) => c.name)) : null;
  if (format && options.success) problems.push(...checkOptions(format, options.data));
  const recordColumns: string[] = [];
  for (const [role, source] of Object.entries(obj(obj(mapping.record).identifiers))) {
    if (!IdentifiersSchema.safeParse({ [role]: source }).success || !source) continue;
    problems.push(...checkRoleSource(`record.identifiers.${role}`, role, source));
    recordColumns.push(...roleSourceColumns(source as Parameters<typeof roleSourceColumns>[0]));
  }
  const record = obj(mapping.record);
  for (const key of ['local_id']) if (typeof record[key] === 'string') recordColumns.push(record[key] as string);
  for (const key of ['extra_ids', 'attributes']) recordColumns.push(...Object.values(obj(record[key])).filter((v): v is string => typeof v === 'string'));
  recordColumns.push(...list(record.keep).filter((v): v is string => typeof v === 'string'));
  const seenRules = new Map<string, number>();
  list(mapping.events).forEach((raw, index) => {
    const rule = EventRuleSchema.safeParse(raw);
    if (!rule.success) return;
    const path = `events.${index}`;
    const key = JSON.stringify([rule.data.code ?? rule.data.code_from, rule.data.each, rule.data.date, rule.data.when, rule.data.value]);
    const earlier = seenRules.get(key);
    if (earlier !== undefined) problems.push({ path, message: `repeats events.${earlier} (same code, group, date, conditions and value): every event would be counted twice; remove one` });
    else seenRules.set(key, index);
    problems.push(...checkRule(path, format, rule.data.each, eventRuleColumns(rule.data), rule.data.when));
    if (!rule.data.each) recordColumns.push(...eventRuleColumns(rule.data));
  });
  list(mapping.contacts).forEach((raw, index) => {
    const rule = ContactRuleSchema.safeParse(raw);
    if (!rule.success) return;
    const path = `contacts.${index}`;
    for (const [role, source] of Object.entries(rule.data.identifiers)) {
      if (source) problems.push(...checkRoleSource(`${path}.identifiers.${role}`, role, source));
    }
    problems.push(...checkRule(path, format, rule.data.each, contactRuleColumns(rule.data), rule.data.when));
    if (!rule.data.each) recordColumns.push(...contactRuleColumns(rule.data));
  });
  if (fixedColumns && fixedColumns.size > 0) {
    for (const column of new Set(recordColumns)) {
      if (!fixedColumns.has(column)) problems.push({ path: 'options.columns', message: `the mapping reads column "${column}", which options.columns does not declare` });
    }
  }
  return problems;
}

function checkOptions(format: Format, options: ReturnType<typeof FormatOptionsSchema.parse>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const [key, value] of Object.entries(options)) {
    const formats = OPTION_FORMATS[key];
    if (value !== undefined && formats && !formats.includes(format)) {
      problems.push({ path: `options.${key}`, message: `applies to ${formats.join(', ')} files, not ${format}; remove it or correct \`format\`` });
    }
  }
  if (format === 'xml' && !options.record_element) problems.push({ path: 'options.record_element', message: 'an XML mapping needs the element that holds one record' });
  if (format === 'fixed-width') {
    const columns = options.columns ?? [];
    if (columns.length === 0) problems.push({ path: 'options.columns', message: 'a fixed-width mapping needs its columns (name, start, length)' });
    const sorted = columns.map((c, index) => ({ ...c, index })).sort((a, b) => a.start - b.start);
    sorted.slice(1).forEach((c, i) => {
      const before = sorted[i]!;
      if (c.start < before.start + before.length) {
        problems.push({ path: `options.columns.${c.index}`, message: `${c.name} (from ${c.start}) overlaps ${before.name} (${before.start}–${before.start + before.length - 1})` });
      }
    });
    const names = columns.map((c) => c.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) problems.push({ path: `options.columns.${index}`, message: `column ${name} is declared twice` });
    });
    if (options.record_type && !names.includes(options.record_type.column)) {
      problems.push({ path: 'options.record_type.column', message: `"${options.record_type.column}" is not one of options.columns` });
    }
  }
  return problems;
}

function checkRoleSource(path: string, role: string, source: unknown): MappingProblem[] {
  const shape = obj(source);
  if ('format' in shape && !DATE_ROLES.has(role)) return [{ path, message: `a date format applies to dob only, not ${role}; give the column name alone` }];
  if ('layout' in shape && !NAME_ROLES.has(role)) return [{ path, message: `a name layout applies to given_name, middle_names and family_name only, not ${role}` }];
  if (Array.isArray(source) && DATE_ROLES.has(role)) return [{ path, message: 'a date of birth is read from one column, not a list' }];
  return [];
}

function checkRule(path: string, format: Format | undefined, each: string | undefined, columns: string[], when: Condition | Condition[] | undefined): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (each !== undefined && format && FLAT_FORMATS.includes(format)) {
    problems.push({ path: `${path}.each`, message: `${format} rows have no repeated groups; remove \`each\` and name the row's columns` });
  }
  if (each !== undefined) {
    for (const column of new Set(columns)) {
      if (column.startsWith(`${each}.`)) {
        problems.push({ path, message: `inside \`each: ${each}\`, name columns relative to the group element: "${column.slice(each.length + 1)}", not "${column}"` });
      }
    }
  }
  (when === undefined ? [] : Array.isArray(when) ? when : [when]).forEach((condition, index) => {
    const tests = ['equals', 'in', 'present', 'lt', 'gte'].filter((k) => (condition as Record<string, unknown>)[k] !== undefined);
    if (tests.length === 0) problems.push({ path: `${path}.when${Array.isArray(when) ? `.${index}` : ''}`, message: `the condition on ${condition.column} tests nothing; add equals, in, present, lt or gte` });
  });
  return problems;
}
