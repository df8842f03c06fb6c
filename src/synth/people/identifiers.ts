/**
 * Identifiers the agencies issue, all valid by their check rules (from the standardise stage) and
 * none real: NHS numbers come from the 999 range the NHS keeps for testing, UPNs carry a
 * local-authority code (990) no authority has. Counters are permuted so that numbers look random
 * but never repeat; issue order (and so every number) is fixed by the seed.
 */
import { nhsCheckDigit, pncCheckLetter, upnCheckLetter } from '../../standardise/index.ts';
import { LA_CODE } from '../town/schools.ts';

/** A bijection on [0, modulus): k ↦ (k·step + offset) mod modulus, step coprime with modulus. */
const permute = (k: number, modulus: number, step: number, offset: number): number =>
  Number((BigInt(k) * BigInt(step) + BigInt(offset)) % BigInt(modulus));

const NI_PREFIXES = ['AB', 'CE', 'EH', 'GL', 'HR', 'JK', 'LM', 'NP', 'PR', 'RS', 'SW', 'WX', 'YZ'] as const;
const NI_SUFFIXES = ['A', 'B', 'C', 'D'] as const;

/** Issues every identifier of one run; one instance per run, used in a fixed order. */
export class IdentifierIssuer {
  private nhsCount = 0;
  private niCount = 0;
  private readonly upnSerials = new Map<string, number>();
  private readonly sequences = new Map<string, number>();

  constructor(private readonly offset: number) {}

  /** A ten-digit NHS number in the 999 test range with a valid modulus-11 check digit. */
  nhsNumber(): string {
    for (;;) {
      const body = `999${String(permute(this.nhsCount++, 1_000_000, 7919, this.offset)).padStart(6, '0')}`;
      const check = nhsCheckDigit(body);
      if (check !== null) return body + String(check);
    }
  }

  /** A National Insurance number with an allocatable prefix. */
  niNumber(): string {
    const k = permute(this.niCount++, 13_000_000, 7_000_003, this.offset);
    const prefix = NI_PREFIXES[Math.floor(k / 1_000_000)] as string;
    return `${prefix}${String(k % 1_000_000).padStart(6, '0')}${NI_SUFFIXES[k % 4]}`;
  }

  /** A UPN issued by `estab` in `year`: check letter, LA code, establishment, two-digit year, serial. */
  upn(estab: string, year: number): string {
    const key = `${estab}:${year % 100}`;
    const serial = (this.upnSerials.get(key) ?? 0) + 1;
    this.upnSerials.set(key, serial);
    // A school issuing more than 999 in a year borrows the next year's serials.
    if (serial > 999) return this.upn(estab, year + 1);
    const body = `${LA_CODE}${estab}${String(year % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    return upnCheckLetter(body) + body;
  }

  /**
   * A PNC id `YYYY/NNNNNNNX` first issued in `year` to the person numbered `personNumber`. The
   * sequence comes from the person, not from issue order, so that recording more offences for
   * one group (recording bias) leaves everyone else's ids unchanged.
   */
  pncId(year: number, personNumber: number): string {
    const sequence = String(permute(personNumber, 10_000_000, 3_000_017, this.offset * 7)).padStart(7, '0');
    return `${year}/${sequence}${pncCheckLetter(String(year), sequence)}`;
  }

  /** The next local id with a prefix, zero-padded: `next('LCS', 7)` → `LCS0000001`. */
  next(prefix: string, width: number): string {
    const n = (this.sequences.get(prefix) ?? 0) + 1;
    this.sequences.set(prefix, n);
    return `${prefix}${String(n).padStart(width, '0')}`;
  }
}
