/**
 * Every number of the causal model, with its source id from /work/shared/reference/uk-rates.md
 * (S1…S70) or "ours" where we had to choose. docs/causal-model.md explains each. Multipliers act
 * on a yearly hazard (or on the odds, for `logit` terms) and are conditional effects: the marginal
 * associations the town shows are larger, because the factors cluster (as in the sources).
 * Intercepts marked "calibrated" were tuned so that the town reproduces the cited base rate.
 */

/** Households: partnership, separation, surnames, moves. */
export const FAMILY = {
  togetherAtFirstBirth: 0.86, // S19: 86% living with both natural parents at 9 months
  marriedIfTogether: 0.5, // ours
  separationPerYear: 0.028, // S19/S20/S21: 77% together at 5, 61% at 11, ~45% apart by 14–15 (calibrated)
  separationIfAbuse: 2.5, // ours (S55: high-conflict families resemble disrupted ones)
  separationIfDeprived: 1.3, // ours (deciles 1–3)
  repartnerPerYear: 0.1, // ours
  marriagePerYear: 0.06, // ours (cohabiting couples, and a mother with a new partner)
  motherRevertsSurname: 0.3, // ours
  childTakesStepSurname: 0.3, // ours: children taking a new surname when the mother marries
  childTakesFatherSurnameOnMarriage: 0.5, // ours
  fatherStaysInTown: 0.75, // ours
  movePerYear: 0.07, // ours
  moveIfDeprived: 1.5, // ours
  gpRegistered: 0.97, // ours
} as const;

/** Parents and partners: offending, substance misuse, domestic abuse. */
export const ADULTS = {
  fatherCriminal: 0.12, // ours: S43 24% of men had a conviction by 52; S35 27% of fathers (1979)
  motherCriminal: 0.03, // ours: S43 6% of women
  partnerCriminal: 0.15, // ours
  criminalIfDeprived: 1.8, // ours (deciles 1–3)
  criminalIfAffluent: 0.5, // ours (deciles 8–10)
  offencesPerYear: 0.7, // ours, for an adult with an offending lifestyle
  substanceMisuse: 0.06, // ours; S27: 310,863 adults in treatment in a year
  substanceIfCriminal: 3, // ours
  treatmentPerYear: 0.3, // ours
  alcoholAePerYear: 0.08, // ours
  abusePerYear: 0.03, // ours (calibrated so DA is the commonest factor among CIN: S14, S17)
  abuseIfSubstance: 3, // ours
  abuseIfCriminal: 2, // ours
  abuseIfDeprived: 1.5, // ours
} as const;

/** Homelessness (a household's application to the council), temporary accommodation. */
export const HOUSING = {
  applicationPerYear: 0.012, // calibrated to ≈1.3%/yr of families (S22, S23: 109,580 families a year)
  ifRecentSeparation: 4, // ours (S23: relationship breakdown and domestic abuse lead the causes)
  ifRecentAbuse: 3, // ours (S23: domestic abuse the main cause for families owed relief)
  ifDeprived: 2, // ours
  ifAffluent: 0.4, // ours
  temporaryAccommodation: 0.5, // ours (S24: 117,450 households in TA against S22's 325k duties a year)
  leaverApplicationPerYear: 0.01, // ours: young adults who have left home
  leaverIfCareLeaver: 5, // ours
} as const;

/** Children's social care: child in need, child protection plan, looked after. */
export const SOCIAL_CARE = {
  cinPerYear: 0.008, // calibrated: S14 16% ever CIN over 8 years; S13 333 per 10,000 at 31 March
  cinIfAbuse: 5, // ours (S14, S17: domestic abuse the commonest factor)
  cinIfParentSubstance: 3, // ours (S18: drugs 19%, alcohol 18% of CIN)
  cinIfParentCriminal: 1.5, // ours
  cinIfSeparated: 1.3, // ours
  cinIfDeprived: 1.8, // ours
  cinIfAffluent: 0.5, // ours
  cinIfEhcp: 2, // ours
  cppGivenCin: 0.22, // ours, to give S15's 43 CPP against S13's 333 CIN per 10,000
  cppIfAbuse: 0.15, // ours (added)
  claGivenCpp: 0.3, // ours, to give S16's 70 looked after per 10,000
  claUntilEighteen: 0.4, // ours
  abuseNotified: 0.6, // ours: an incident notified to children's services
  separationRecorded: 0.7, // ours: a separation noted on the record of a child known to them
} as const;

/** School: FSM, attendance, suspensions, exclusions, attainment (logistic / Poisson models). */
export const SCHOOL = {
  fsmLogit: { intercept: -1.8, perDecileBelowMiddle: 0.42, singleParent: 0.9 }, // ours, ≈24% overall
  paLogit: { // S7: 20.2% persistently absent; S8: FSM 33.0% vs 15.6% (OR 2.66)
    intercept: -2.0, fsm: Math.log(2.66), sen: 0.4, secondary: 0.45, inNeed: 0.6, substance: 1.1, conduct: 0.35,
  },
  suspensionLog: { // S1: 11.31 per 100 pupils; S5: FSM >4×, boys 1.5×; S6: ~15% ever by Year 11
    intercept: -6.7, male: Math.log(1.5), fsm: Math.log(4), sen: Math.log(2.5), secondary: Math.log(4),
    absent: Math.log(2), inNeed: Math.log(1.5), conduct: 1.2, suspendedBefore: Math.log(14), // ours: repeat suspensions
  },
  exclusionLog: { // S2: 0.13 per 100; S5: boys >2×, FSM 6.5×, SEN support 5.2×, EHCP 3.6×
    intercept: -9.7, male: Math.log(2), fsm: Math.log(6.5), senSupport: Math.log(5.2), ehcp: Math.log(3.6),
    suspendedBefore: Math.log(5), secondary: Math.log(3), conduct: 0.5,
  },
  ks2Logit: { // S9: 39% not at the expected standard
    intercept: -1.25, ability: -1.3, fsm: 0.6, senSupport: 1.5, ehcp: 2.8, absent: 0.5, lookedAfter: 0.5,
  },
  ks4Logit: { // S10: 34.9% without grade 4 in English and maths; EHCP 13.0%, SEN support 36.9% achieve
    intercept: -1.85, ability: -1.3, fsm: 0.7, senSupport: 1.8, ehcp: 3.8, absent: 0.8, excluded: 1.2, lookedAfter: 0.5,
  },
  senSupport: 0.136, // S11: 13.6% of pupils
  ehcp: 0.048, // S11: 4.8% of pupils
  senIfMale: 1.6, // ours
  sessionsPerYear: 380, // two sessions a day, 190 days
} as const;

/** Young people's own substance misuse (true) and its treatment (recorded). */
export const SUBSTANCE = {
  onsetByAge: [[12, 0.002], [13, 0.005], [14, 0.01], [15, 0.016], [16, 0.02], [20, 0.014]] as const, // ours
  ifParentSubstance: 2, // ours
  ifExcludedOrSuspended: 2, // ours (S61)
  ifLookedAfter: 2, // ours
  ifMale: 1.3, // ours
  conduct: 0.5, // ours
  desistPerYear: 0.3, // ours
  treatmentPerYearUnder18: 0.12, // ours; S26: 14,352 under-18s in treatment in 2023-24
  treatmentPerYearAdult: 0.15, // ours
  alcoholAePerYear: 0.04, // ours; S28: 26 alcohol-specific admissions per 100,000 under-18s
  otherAePerYear: 0.03, // ours: A&E visits not related to alcohol
} as const;

/** Not in education, employment or training. */
export const NEET = {
  logit: { // S47: 4.0% of 16–17s, ~14.6% of 18–24s; S46: young men 15.1% vs 13.2% all
    intercept16: -2.9, intercept18: -1.45, male: 0.2, lowKs4: 1.0, excluded: 0.8, lookedAfter: 0.6,
    substance: 0.8, offending: 0.5,
  },
  recorded16to17: 0.9, // ours: the careers service tracks 16–17s closely
  recorded18to24: 0.6, // ours
} as const;

/** Offending behaviour (true) and its recording (arrest, caution, conviction). */
export const OFFENDING = {
  /** Yearly onset hazard at the peak, before multipliers (calibrated: S41 5% proven by 17). */
  onsetPeak: 0.0026,
  peakAge: 14.5, // ours: behaviour starts before the first proven offence, which peaks at 15 (S42)
  spreadYounger: 1.8, // ours
  spreadOlder: 3.6, // ours
  minimumAge: 10, // age of criminal responsibility, England and Wales
  male: 3.5, // calibrated: S62/S42 76% of children cautioned or sentenced are boys (ratio ≈3.2)
  parentCriminal: 1.8, // S49: pooled OR 2.4, 1.8 after covariates
  familyBreakup: 1.5, // ours: S55 ~2× unadjusted
  recentAbuse: 1.4, // ours
  lookedAfter: 2.5, // ours: S40 52% vs 13% (RR ≈ 4) unadjusted
  inNeed: 1.3, // ours
  suspended: 2.0, // ours: S39 fixed exclusion 50.3% vs 9.0% unadjusted
  excluded: 2.5, // ours: S56/S57 excluded by 12 → ~4× imprisonment
  persistentAbsence: 1.6, // ours: S39 35.9% vs 10.9% unadjusted
  lowAttainment: 1.3, // ours: S39 KS2 expected 53.0% vs 72.4%
  substance: 2.2, // ours: S60 r = 0.33; S61
  neet: 1.7, // ours: S58 17% vs 35% reoffending by employment
  homeless: 1.6, // ours: S58 67% vs 33%, S59
  deprived: 1.3, // ours
  conduct: 0.6, // ours: unobserved troublesomeness (S52), log-hazard per SD
  continuePerYear: 0.55, // ours: an offender offends again the next year
  repeatRate: 0.6, // ours: further offences in an active year (Poisson, times exp(0.3·conduct))
  detection: 0.35, // ours: share of offences that lead to an arrest
  youthOutcome: { NFA: 0.3, CAUTION: 0.45, CONVICTION: 0.25 }, // ours
  youthOutcomeWithRecord: { NFA: 0.25, CAUTION: 0.25, CONVICTION: 0.5 }, // ours
  adultOutcome: { NFA: 0.35, CAUTION: 0.2, CONVICTION: 0.45 }, // ours
  probationGivenConviction: 0.6, // ours (S36: 240,497 under supervision)
} as const;

/** Young adults leaving the family home. */
export const LEAVING_HOME = { perYear: 0.15, movePerYear: 0.15 } as const; // ours
