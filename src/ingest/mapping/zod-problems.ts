/** Zod issues as mapping problems a person can act on: a dotted path, the value found, what is expected. */
import type { z } from 'zod';
import type { MappingProblem } from './mapping-checks.ts';

type Issue = z.core.$ZodIssue;

/** Turns Zod's issue list into problems; a union failure reports its closest alternative. */
export function zodProblems(issues: readonly Issue[], data: unknown, base: PropertyKey[] = []): MappingProblem[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = closestBranch(issue.errors);
      return branch ? zodProblems(branch, data, path) : [{ path: dotted(path), message: 'is not in any accepted form (see the mapping reference in src/ingest/README.md)' }];
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: dotted([...path, key]), message: `is not a known key here: check its spelling against the mapping reference (src/ingest/README.md)` }));
    }
    return [{ path: dotted(path), message: describe(issue, valueAt(data, path)) }];
  });
}

/** The alternative that got furthest: the right shape at its root, with the fewest problems. */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const plausible = branches.filter((issues) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  plausible.sort((a, b) => a.length - b.length);
  return plausible[0] ?? null;
}

function describe(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `${value === undefined ? 'is required' : `${JSON.stringify(value)} is not valid`}; one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return value === undefined ? `is required (${issue.expected})` : `should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${JSON.stringify(value)}`;
    default:
      return value === undefined ? issue.message : `${JSON.stringify(value)}: ${issue.message}`;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(top level)';
