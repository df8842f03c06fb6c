/**
 * The columns a mapping names: those of the row itself, and those of each repeated group (named
 * relative to the group element). The agreement must allow them all; a CSV or Parquet header
 * must hold the row's own columns.
 */
import type { Condition, ContactRule, EventRule, Mapping } from '../mapping-schema.ts';

export interface MappingColumns {
  readonly record: ReadonlySet<string>;
  readonly groups: ReadonlyMap<string, ReadonlySet<string>>;
}

type RoleSource = NonNullable<Mapping['record']['identifiers'][keyof Mapping['record']['identifiers']]>;

/** The columns one identifier role reads. */
export function roleSourceColumns(source: RoleSource): string[] {
  if (typeof source === 'string') return [source];
  if (Array.isArray(source)) return source;
  return [source.column];
}

const conditionColumns = (when: Condition | Condition[] | undefined): string[] =>
  when === undefined ? [] : (Array.isArray(when) ? when : [when]).map((c) => c.column);

/** The columns one event rule reads (relative to its group element when it has `each`). */
export function eventRuleColumns(rule: EventRule): string[] {
  return [
    rule.date.column, ...conditionColumns(rule.when), ...(rule.value ? [rule.value] : []),
    ...(rule.detail ?? []), ...(rule.code_from ? [rule.code_from.column] : []),
  ];
}

/** The columns one contact rule reads (relative to its group element when it has `each`). */
export function contactRuleColumns(rule: ContactRule): string[] {
  return [
    ...Object.values(rule.identifiers).flatMap((s) => (s ? roleSourceColumns(s) : [])),
    ...conditionColumns(rule.when), ...(rule.local_id ? [rule.local_id] : []),
    ...(rule.kind_from ? [rule.kind_from.column] : []),
  ];
}

/** Every column the mapping names, by where it is read. */
export function mappingColumns(mapping: Mapping): MappingColumns {
  const { record } = mapping;
  const own = new Set<string>([
    record.local_id,
    ...Object.values(record.identifiers).flatMap((s) => (s ? roleSourceColumns(s) : [])),
    ...Object.values(record.extra_ids ?? {}), ...Object.values(record.attributes ?? {}), ...(record.keep ?? []),
    ...(record.as_of ? [record.as_of.column] : []),
  ]);
  const groups = new Map<string, Set<string>>();
  const add = (each: string | undefined, columns: string[]): void => {
    if (each === undefined) columns.forEach((c) => own.add(c));
    else {
      const set = groups.get(each) ?? new Set<string>();
      columns.forEach((c) => set.add(c));
      groups.set(each, set);
    }
  };
  for (const rule of mapping.events) add(rule.each, eventRuleColumns(rule));
  for (const rule of mapping.contacts) add(rule.each, contactRuleColumns(rule));
  return { record: own, groups };
}

/** The names an agreement must allow: the row's columns as they are, group columns as `group.column`. */
export function agreedNames(columns: MappingColumns): string[] {
  const names = [...columns.record];
  for (const [group, inner] of columns.groups) for (const column of inner) names.push(`${group}.${column}`);
  return names;
}
