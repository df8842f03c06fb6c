/**
 * The conditions a grant in the access matrix can carry. Each is enforced in one place in the web
 * layer (the access hook or the handler's scoped query) and tested in test/web/access-matrix.test.ts.
 */
export const CONDITIONS = ['purpose', 'own_team', 'own_agency', 'pseudonymised'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const conditionLabels: Record<Condition, { short: string; rule: string }> = {
  purpose: {
    short: 'purpose stated',
    rule: 'The user has stated, in this session, a purpose their role may use and an active agreement allows.',
  },
  own_team: {
    short: 'own team',
    rule: 'Only the user’s own team: a team named in the address must be theirs; lists show their team only.',
  },
  own_agency: {
    short: 'own agency',
    rule: 'Only the user’s own agency: a batch, dataset or upload must be their agency’s; lists show theirs only.',
  },
  pseudonymised: {
    short: 'pseudonymised',
    rule: 'People are shown by a pseudonym, never by name or the person’s id.',
  },
};
