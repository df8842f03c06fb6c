/** Temporary extract files for tests, removed with their folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir { readonly path: string; file(name: string, content: string | Buffer): string; remove(): void }

export function tempDir(prefix = 'tributary-ingest-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, content) {
      const target = join(path, name);
      writeFileSync(target, content);
      return target;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export const PUPILS_HEADER = 'PupilId,UPN,Forename,Surname,DOB,Postcode,SuspensionDate,ExclusionType,ParentName,ParentRelation';
