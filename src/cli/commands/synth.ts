/**
 * `tributary synth --people N --seed S --out DIR`: generates the synthetic town — every agency's
 * extract in its own format, with data-quality faults, and the ground truth under DIR/truth.
 * See docs/town-extracts.md and docs/causal-model.md.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { generateTown, parseAgeProfile, parseBiases, parseFaultSpec, SynthOptionsSchema } from '../../synth/index.ts';

interface SynthCliOptions {
  people: string; seed: string; out: string; extractDate: string; historyYears: string; errorRate: string;
  fault: string[]; bias: string[]; ageProfile?: string; quiet?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerSynth(program: Command): void {
  program.command('synth')
    .description('generate the synthetic town: agency extracts with realistic faults, and the ground truth apart')
    .requiredOption('--out <dir>', 'folder to write the extracts (and truth/) into')
    .option('--people <n>', 'people in the town (young people 0–25 and the adults around them)', '20000')
    .option('--seed <s>', 'random seed: the same seed gives byte-identical files', '1')
    .option('--extract-date <YYYY-MM-DD>', 'the day the extracts are taken', '2026-03-31')
    .option('--history-years <n>', 'years of history the extracts cover', '10')
    .option('--error-rate <x>', 'multiplies every fault rate (0 = clean extracts)', '1')
    .option('--fault <kind=rate>', 'one fault rate, e.g. typo=0.05 (repeatable; kinds: typo, nickname, dateSwap, missing, oldSurname, oldAddress, idTypo)', collect, [])
    .option('--bias <spec>', 'recording bias AGENCY:ATTRIBUTE=VALUE:FACTOR, e.g. police:ethnicity=Black:2.0 (repeatable)', collect, [])
    .option('--age-profile <bands>', 'relative weight of age bands among 0–25s, e.g. 0-4:5,5-10:6,11-15:5,16-17:2,18-25:8')
    .option('--quiet', 'no progress or summary output')
    .action((options: SynthCliOptions) => {
      const problems: string[] = [];
      const faults: Record<string, number> = {};
      for (const spec of options.fault) {
        const parsed = parseFaultSpec(spec);
        if (parsed.ok) faults[parsed.value.kind] = parsed.value.rate; else problems.push(parsed.message);
      }
      const bias = parseBiases(options.bias);
      if (!bias.ok) problems.push(bias.message);
      const ageProfile = options.ageProfile === undefined ? undefined : parseAgeProfile(options.ageProfile);
      if (ageProfile && !ageProfile.ok) problems.push(ageProfile.message);
      const parsed = SynthOptionsSchema.safeParse({
        people: Number(options.people), seed: Number(options.seed), out: options.out, extractDate: options.extractDate,
        historyYears: Number(options.historyYears), errorRate: Number(options.errorRate),
        faults: { ...SynthOptionsSchema.shape.faults.parse(undefined), ...faults },
        bias: bias.ok ? bias.value : [], ...(ageProfile?.ok ? { ageProfile: ageProfile.value } : {}),
      });
      if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`));
      if (problems.length || !parsed.success) throw new Error(`synth options:\n  ${problems.join('\n  ')}`);
      const started = performance.now();
      const progress = options.quiet ? undefined : progressReporter();
      const summary = generateTown(parsed.data, progress?.update);
      progress?.stop();
      if (options.quiet) return;
      const seconds = (performance.now() - started) / 1000;
      console.log(`tributary synth: ${summary.people.toLocaleString('en-GB')} people in ${seconds.toFixed(1)} s, written to ${parsed.data.out}`);
      for (const [dataset, n] of Object.entries(summary.records)) {
        console.log(`  ${dataset.padEnd(14)} ${String(n.subject).padStart(9)} records ${String(n.contact).padStart(9)} contacts`);
      }
    });
}

function progressReporter(): { update: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ format: 'synth [{bar}] {value}/{total} people | {eta_formatted}', stream: process.stderr, clearOnComplete: true },
    cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(done);
    },
    stop: () => { if (started) bar.stop(); },
  };
}
