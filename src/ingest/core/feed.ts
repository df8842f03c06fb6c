/** Pumps text chunks into a Node transform (a parser), honouring back-pressure and passing errors on. */
import { once } from 'node:events';
import type { Duplex } from 'node:stream';

/** Writes every chunk into `target` and ends it; a failure of the source destroys `target` with it. */
export function feed(source: AsyncIterable<string>, target: Duplex, onChunk?: (chunk: string) => void): void {
  void (async () => {
    for await (const chunk of source) {
      onChunk?.(chunk);
      if (!target.write(chunk)) await once(target, 'drain');
    }
    target.end();
  })().catch((error: unknown) => target.destroy(error as Error));
}
