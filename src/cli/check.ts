// `report check`: lists every error and warning of the project, one a line, then how many.
// Writes nothing (no PDF, no cache entry). Exit 2 when there are errors (or, with --strict,
// warnings), else 0.
import { checkProject } from '../check/checkProject.js';
import { formatDiagnostic } from '../check/diagnostic.js';
import type { CliIO } from './main.js';
import { cliCache, reportError } from './main.js';
import type { Command } from './parseArgs.js';

export async function runCheck(cmd: Command, root: string, io: CliIO): Promise<number> {
  try {
    const r = await checkProject({ root, only: cmd.documents, paper: cmd.paper, cache: cliCache(cmd, root) });
    for (const d of r.diagnostics) io.out(formatDiagnostic(d));
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    io.out(`${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}`);
    return r.errors > 0 || (cmd.strict && r.warnings > 0) ? 2 : 0;
  } catch (e) {
    return reportError(e, cmd.debug, io.err);
  }
}
