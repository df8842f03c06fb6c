/** `tributary demo`: the main job on the embedded store (generate, ingest, … as stages land). */
import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program.command('demo')
    .description('generate the synthetic town, run the whole pipeline on it and serve it')
    .option('--people <n>', 'people in the town', '20000')
    .option('--seed <s>', 'random seed', '1')
    .option('--port <p>', 'port to serve on', '3000')
    .option('--no-serve', 'run the pipeline and exit')
    .action(async () => {
      console.log('tributary demo: the pipeline is being built; nothing to run yet.');
    });
}
