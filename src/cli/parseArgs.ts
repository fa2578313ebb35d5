// Command-line arguments → a typed command. Usage mistakes are reported as UsageError (exit 2).
import type { DocumentName } from '../load/sourceTypes.js';
import { didYouMean } from '../errors.js';
import { PREFLIGHT_PROFILES, type PreflightProfile } from '../preflight/preflightProfiles.js';
import { emptyMailArgs, MAIL_COMMANDS, MAIL_OPTIONS, MAIL_USAGE, takeMailOption, type MailArgs } from './mailArgs.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Command {
  command: 'build' | 'watch' | 'preview' | 'check' | 'typeset-report' | 'preflight' | 'help' | (typeof MAIL_COMMANDS)[number];
  documents: DocumentName[];
  outDir?: string;
  paper?: 'a4' | 'letter';
  quiet: boolean;
  debug: boolean;
  /** Worker threads for building several documents at once (1: in this thread). */
  jobs: number;
  /** Use and keep the build cache in .cache/report-generator/. */
  cache: boolean;
  /** `check`: warnings fail too (exit 2). */
  strict: boolean;
  root: string;
  /** Also write the HTML edition (OUT/html/NAME.html). */
  html: boolean;
  /** `preview`: the port on 127.0.0.1 (0: any free port). */
  port: number;
  /** Also write the print edition, output/print/NAME.pdf (build only). */
  print: boolean;
  /** Impose the print edition for the press (implies print). */
  impose?: 'booklet' | '2up';
  /** Booklet creep in mm. */
  creepMm?: number;
  /** preflight: the PDFs to check, what for, and how to answer. */
  preflight: { files: string[]; profile: PreflightProfile; json: boolean; maxInk?: number };
  /** Options of merge and send (mailArgs.ts). */
  mail: MailArgs;
}

export const USAGE = `usage: report build [DOCUMENT…] [--out DIR] [--paper a4|letter] [--html] [--jobs N] [--no-cache] [--quiet] [--debug]
                    [--print [--impose booklet|2up [--creep MM]]]
       report watch [DOCUMENT…] [--out DIR] [--paper a4|letter] [--html]
       report preview [DOCUMENT…] [--port N] [--out DIR] [--paper a4|letter]
       report check [DOCUMENT…] [--paper a4|letter] [--strict]
       report typeset-report [DOCUMENT…] [--paper a4|letter]
       report preflight FILE.pdf… [--profile print|screen|email] [--json] [--max-ink PCT]
${MAIL_USAGE}
documents are named in content/config.yaml (default: all of them)
options:
  --out DIR        write the PDFs to DIR (default: output/)
  --paper SIZE     a4 or letter (default: the template's, or the front matter's)
  --html           also write the HTML edition, one page per document, to OUT/html/NAME.html
  --port N         preview: serve on http://127.0.0.1:N/ (default 4173; 0 picks a free port)
  --root DIR       the project folder holding content/ and templates/ (default: .)
  --jobs N         build up to N documents at once in worker threads (default 1)
  --no-cache       make everything anew: neither read nor write .cache/report-generator/
  --strict         check: fail (exit 2) on warnings too, not only on errors
  --print          also write the print edition: output/print/NAME.pdf (bleed, marks, CMYK,
                   PDF/X-4 with the template's print.profile)
  --impose KIND    also write the print edition imposed for the press: booklet (saddle stitch,
                   two pages a side on the double-size sheet) or 2up (two copies a sheet)
  --creep MM       booklet: move the innermost pages this far toward the spine
  --profile P      preflight for print (the default: CMYK, boxes, bleed, fonts, 300 ppi images,
                   black text, total ink), screen (tags, Alt text, fonts) or email (screen, and
                   a 2 MB size budget); exit 1 when a file has errors
  --json           preflight: the report as JSON
  --max-ink PCT    preflight: the total ink limit (default 300)
  --quiet          print only errors and warnings
  --debug          print stack traces of unexpected errors
${MAIL_OPTIONS}`;

const COMMANDS = ['build', 'watch', 'preview', 'check', 'typeset-report', 'preflight', 'help', ...MAIL_COMMANDS] as const;

export function parseArgs(argv: string[]): Command {
  const out: Command = { command: 'build', documents: [], quiet: false, debug: false, root: '.', jobs: 1, cache: true, strict: false, html: false, port: 4173, print: false, preflight: { files: [], profile: 'print', json: false }, mail: emptyMailArgs() };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return { ...out, command: 'help' };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    const g = didYouMean(first, COMMANDS);
    throw new UsageError(`unknown command "${first}"${g ? ` (did you mean "${g}"?)` : ''}`);
  }
  out.command = first as Command['command'];
  while (rest.length) {
    const a = rest.shift()!;
    const value = (flag: string) => {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (a === '--out') out.outDir = value(a);
    else if (a === '--root') out.root = value(a);
    else if (a === '--jobs' || a === '-j') {
      const v = value(a);
      if (!/^[1-9]\d?$/.test(v)) throw new UsageError(`--jobs must be a whole number from 1 to 99, not "${v}"`);
      out.jobs = Number(v);
    } else if (a === '--paper') {
      const v = value(a);
      if (v !== 'a4' && v !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${v}"`);
      out.paper = v;
    } else if (a === '--print') out.print = true;
    else if (a === '--impose') {
      const v = value(a);
      if (v !== 'booklet' && v !== '2up') throw new UsageError(`--impose must be booklet or 2up, not "${v}"`);
      out.impose = v;
      out.print = true;
    } else if (a === '--creep') {
      const v = value(a);
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) > 5) throw new UsageError(`--creep must be a number of millimetres from 0 to 5, not "${v}"`);
      out.creepMm = Number(v);
    } else if (a === '--profile') {
      const v = value(a);
      if (!(PREFLIGHT_PROFILES as readonly string[]).includes(v)) throw new UsageError(`--profile must be ${PREFLIGHT_PROFILES.join(', ')}, not "${v}"`);
      out.preflight.profile = v as PreflightProfile;
    } else if (a === '--json') out.preflight.json = true;
    else if (a === '--max-ink') {
      const v = value(a);
      if (!/^\d+$/.test(v) || Number(v) < 100 || Number(v) > 400) throw new UsageError(`--max-ink must be a whole per cent from 100 to 400, not "${v}"`);
      out.preflight.maxInk = Number(v);
    } else if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a === '--no-cache') out.cache = false;
    else if (a === '--strict') out.strict = true;
    else if (a === '--debug') out.debug = true;
    else if (a === '--html') out.html = true;
    else if (a === '--port') {
      const v = value(a);
      if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${v}"`);
      out.port = Number(v);
    } else if (a === '--debug') out.debug = true;
    else if (a === '--help' || a === '-h') out.command = 'help';
    else if ((MAIL_COMMANDS as readonly string[]).includes(out.command) && takeMailOption(a, value, out.mail, (m) => new UsageError(m))) continue;
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else if (out.command === 'preflight') out.preflight.files.push(a);
    else if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(a)) {
      // A document named in content/config.yaml; the build checks the name against it.
      if (!out.documents.includes(a)) out.documents.push(a);
    } else {
      const g = didYouMean(a, COMMANDS);
      throw new UsageError(`"${a}" is not a document name${g ? ` (did you mean the command "${g}"?)` : ''}; documents are named in content/config.yaml`);
    }
  }
  if (out.strict && out.command !== 'check' && out.command !== 'help') throw new UsageError('--strict is an option of report check');
  if ((out.print || out.creepMm !== undefined) && out.command !== 'build') throw new UsageError('--print, --impose and --creep go with build');
  const p = out.preflight;
  if ((p.json || p.maxInk !== undefined || argv.includes('--profile')) && out.command !== 'preflight') throw new UsageError('--profile, --json and --max-ink go with preflight');
  if (out.command === 'preflight' && !p.files.length) throw new UsageError('preflight needs the PDF file(s) to check');
  if (out.creepMm !== undefined && out.impose !== 'booklet') throw new UsageError('--creep goes with --impose booklet');
  return out;
}
