/**
 * The command line's short forms of synth options: `--fault typo=0.05`, `--age-profile
 * 0-4:5,5-10:6,...`, `--bias police:ethnicity=Black:2`. Each parser returns a value or a message
 * saying what was wrong and what was expected.
 */
import { parseBiasSpec, type Bias } from './bias-spec.ts';
import { FAULT_KINDS, type AgeBand, type FaultKind } from './options.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `typo=0.05` → { typo: 0.05 }. */
export function parseFaultSpec(text: string): Parsed<{ kind: FaultKind; rate: number }> {
  const match = /^([a-zA-Z]+)=([0-9]*\.?[0-9]+)$/.exec(text.trim());
  const kind = FAULT_KINDS.find((k) => k === match?.[1]);
  const rate = Number(match?.[2]);
  if (!match || !kind || !(rate >= 0 && rate <= 1)) {
    return { ok: false, message: `fault "${text}" is not KIND=RATE with KIND one of ${FAULT_KINDS.join(', ')} and RATE in [0, 1]` };
  }
  return { ok: true, value: { kind, rate } };
}

/** `0-4:5,5-17:13,18-25:8` → age bands. */
export function parseAgeProfile(text: string): Parsed<AgeBand[]> {
  const bands: AgeBand[] = [];
  for (const part of text.split(',')) {
    const match = /^(\d+)-(\d+):([0-9]*\.?[0-9]+)$/.exec(part.trim());
    if (!match || Number(match[1]) > Number(match[2]) || Number(match[2]) > 25) {
      return { ok: false, message: `age band "${part}" is not FROM-TO:WEIGHT with 0 <= FROM <= TO <= 25 (e.g. 0-4:5,5-17:13,18-25:8)` };
    }
    bands.push({ from: Number(match[1]), to: Number(match[2]), weight: Number(match[3]) });
  }
  return { ok: true, value: bands };
}

/** Every `--bias` spec, or the messages of those that do not parse. */
export function parseBiases(specs: readonly string[]): Parsed<Bias[]> {
  const parsed = specs.map(parseBiasSpec);
  const problems = parsed.flatMap((p) => (p.ok ? [] : [p.message]));
  if (problems.length) return { ok: false, message: problems.join('; ') };
  return { ok: true, value: parsed.flatMap((p) => (p.ok ? [p.bias] : [])) };
}
