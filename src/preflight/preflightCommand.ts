// The CLI side of `report preflight`: reads each file, prints one line per problem (or JSON),
// and says whether the file is fit for the profile. Loaded only for this command (pdf-lib).
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { readInputFile } from '../load/readInputFile.js';
import { preflight, type PreflightProfile, type PreflightReport } from './preflight.js';

export interface PreflightCommand {
  files: string[];
  profile: PreflightProfile;
  json: boolean;
  maxInk?: number;
}

const PURPOSE: Record<PreflightProfile, string> = { print: 'print', screen: 'reading on screen', email: 'sending by email' };

/** Exit code: 0 fit, 1 any error, 2 a file that cannot be read as a PDF. */
export async function runPreflight(cmd: PreflightCommand, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let code = 0;
  const reports: (PreflightReport & { file: string })[] = [];
  for (const path of cmd.files) {
    const file = relative(process.cwd(), path) || path;
    let bytes: Buffer;
    try {
      // A PDF the user names: anywhere, but a regular file, read within a limit.
      const abs = resolvePath(path);
      bytes = readInputFile({ root: dirname(abs), file: abs, kind: 'pdf', area: dirname(abs) });
    } catch {
      err(`${file}: cannot read the file — check the path`);
      code = 2;
      continue;
    }
    let report: PreflightReport;
    try {
      report = await preflight(bytes, { profile: cmd.profile, maxInk: cmd.maxInk });
    } catch (e) {
      err(`${file}: not a PDF preflight can read (${(e as Error).message.split('\n')[0]})`);
      code = 2;
      continue;
    }
    reports.push({ file, ...report });
    if (report.errors && code === 0) code = 1;
    if (cmd.json) continue;
    for (const p of report.problems) out(`${file}: ${p.page !== undefined ? `page ${p.page}: ` : ''}${p.severity}: ${p.message} [${p.check}]`);
    const verdict = report.errors ? `not ready for ${PURPOSE[cmd.profile]}` : `ready for ${PURPOSE[cmd.profile]}`;
    out(`${file}: preflight ${cmd.profile}: ${report.pages} page${report.pages === 1 ? '' : 's'}, ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'} — ${verdict}`);
  }
  if (cmd.json) out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return code;
}
