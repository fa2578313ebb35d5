// What a merge's output depends on, as one hash: the code (the bundle's build id), Node and
// ICU (number and date formats), every file under content/ and templates/, the recipients
// file and the options. A journal left by an interrupted run is resumed only when this is the
// same, so a resumed run never mixes PDFs made from different inputs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_ID } from '../build/diskCache.js';

export function inputKey(root: string, recipientsPath: string, options: unknown): string {
  const h = createHash('sha256');
  h.update(`${BUILD_ID ?? 'source'}\0${process.version}\0${process.versions.icu ?? ''}\0${JSON.stringify(options)}\0`);
  for (const dir of ['content', 'templates']) {
    for (const f of listFiles(join(root, dir))) h.update(`${f}\0`).update(readFileSync(join(root, dir, f))).update('\0');
  }
  h.update(readFileSync(recipientsPath));
  return h.digest('hex');
}

function listFiles(dir: string, prefix = ''): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : e.isFile() ? [join(prefix, e.name)] : []));
}
