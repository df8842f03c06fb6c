import { readFileSync } from 'node:fs';

interface NicknameTable {
  formalsOf: ReadonlyMap<string, readonly string[]>;
  nicknamesOf: ReadonlyMap<string, readonly string[]>;
}

let table: NicknameTable | undefined;

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/** Reads `data/nicknames.csv` (header `nickname,formal`) once, on first use. */
function nicknameTable(): NicknameTable {
  if (table) return table;
  const csv = readFileSync(new URL('./data/nicknames.csv', import.meta.url), 'utf8');
  const formalsOf = new Map<string, string[]>();
  const nicknamesOf = new Map<string, string[]>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [nickname, formal] = line.split(',').map((s) => s.trim());
    if (!nickname || !formal) continue;
    push(formalsOf, nickname, formal);
    push(nicknamesOf, formal, nickname);
  }
  table = { formalsOf, nicknamesOf };
  return table;
}

/**
 * The formal given name for a nickname (the first listed when there are several); any other name
 * is returned unchanged. The name must already be normalised (`normaliseName`).
 *
 * @example canonicalGivenName('bill') // 'william'
 */
export function canonicalGivenName(name: string): string {
  return nicknameTable().formalsOf.get(name)?.[0] ?? name;
}

/**
 * Every given name equivalent to this one: itself, the formal names it shortens, and the other
 * nicknames of those formal names (and of itself). Normalised input; itself comes first.
 *
 * @example givenNameAliases('peggy') // ['peggy', 'madge', 'maggie', 'maisie', 'margaret', …]
 */
export function givenNameAliases(name: string): string[] {
  const { formalsOf, nicknamesOf } = nicknameTable();
  const formals = [name, ...(formalsOf.get(name) ?? [])];
  const aliases = new Set(formals);
  for (const formal of formals) for (const nickname of nicknamesOf.get(formal) ?? []) aliases.add(nickname);
  aliases.delete(name);
  return [name, ...[...aliases].sort()];
}
