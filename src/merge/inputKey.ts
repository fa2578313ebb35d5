// What a merge's output depends on, as one hash: the code (the bundle's build id), Node and
// ICU (number and date formats), every file under content/ and templates/, the recipients
// file and the options. A journal left by an interrupted run is resumed only when this is the
// same, so a resumed run never mixes PDFs made from different inputs. What only the email
// depends on (config.yaml's mail: section, the message's Markdown) is left out: changing the
// message does not make the PDFs again.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readInputFile } from '../load/readInputFile.js';
import { parseDocument } from 'yaml';
import { BUILD_ID } from '../build/diskCache.js';

export function inputKey(root: string, recipientsPath: string, options: unknown, mailMessage?: string): string {
  const h = createHash('sha256');
  h.update(`${BUILD_ID ?? 'source'}\0${process.version}\0${process.versions.icu ?? ''}\0${JSON.stringify(options)}\0`);
  for (const dir of ['content', 'templates']) {
    for (const f of listFiles(join(root, dir))) {
      const path = `${dir}/${f.split('\\').join('/')}`;
      if (path === mailMessage) continue;
      const bytes = readInputFile({ root, file: path, kind: 'hashed' });
      h.update(`${path}\0`).update(path === 'content/config.yaml' ? withoutMail(bytes) : bytes).update('\0');
    }
  }
  const recipients = resolve(root, recipientsPath);
  h.update(readInputFile({ root, file: recipients, kind: 'recipients', area: dirname(recipients) }));
  return h.digest('hex');
}

function withoutMail(bytes: Buffer): string {
  const doc = parseDocument(bytes.toString('utf8'));
  doc.delete('mail');
  return doc.toString();
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
