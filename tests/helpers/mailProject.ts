// A scratch copy of the sample fixture with the mail fixture laid over it (tests/fixtures/mail:
// the letter, its template, the email message and a recipients file), and config.yaml listing
// the letter and the recipients. The sample fixture itself stays as it was.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject } from './project.js';
import { REPO_ROOT } from './paths.js';

export const MAIL_FIXTURE = join(REPO_ROOT, 'tests/fixtures/mail');

/** `extraConfig` is appended to config.yaml (top-level sections such as merge: or mail:). */
export function mailProject(extraConfig = ''): string {
  const dir = scratchProject();
  cpSync(join(MAIL_FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(MAIL_FIXTURE, 'templates'), join(dir, 'templates'), { recursive: true });
  const config = join(dir, 'content/config.yaml');
  // The sample's config ends with its documents: the letter is appended to them.
  writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}
  letter: { source: letter.md, kind: letter }
recipients:
  file: recipients.csv
  columns: { last_gift: USD, last_gift_date: date, ask_amount: USD }
${extraConfig}`);
  return dir;
}
