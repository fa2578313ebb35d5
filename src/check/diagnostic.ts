// A problem found in a project, for `report check` (and any stage or check that wants to add
// one): how bad it is, where it is, what is wrong and how to fix it. Stage errors (InputError)
// and warnings convert to it, so every problem is printed, sorted and counted the same way.
import { comparePlaces, formatPlace, type InputError, type SourcePlace } from '../errors.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** The file (relative to the project root) and, when known, line and column. */
  place: SourcePlace;
  message: string;
  /** How to fix it, printed after " — ". */
  hint?: string;
  /** Which check found it (e.g. "typed-number"), so tests and tools can tell checks apart. */
  rule?: string;
}

export function fromInputError(e: InputError, severity: Severity = 'error', rule?: string): Diagnostic {
  return { severity, place: e.place, message: e.problem, hint: e.hint, rule };
}

// A stage warning given as one line, "content/handout.md:3: text — hint": the place is read back
// from its start (paths here are relative and never hold ": ").
const LEADING_PLACE = /^([^\s:][^:]*?)(?::(\d+))?(?::(\d+))?: ([\s\S]*)$/;

/** A warning or error given as a formatted line; one without a place gets an empty file. */
export function fromLine(severity: Severity, line: string, rule?: string): Diagnostic {
  const m = LEADING_PLACE.exec(line);
  if (!m) return { severity, place: { file: '' }, message: line, rule };
  const place: SourcePlace = { file: m[1] };
  if (m[2] !== undefined) place.line = Number(m[2]);
  if (m[3] !== undefined) place.col = Number(m[3]);
  return { severity, place, message: m[4], rule };
}

/** `file:line:col: severity: message — hint` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.place.file ? formatPlace(d.place) + ': ' : '';
  return `${where}${d.severity}: ${d.message}${d.hint ? ' — ' + d.hint : ''}`;
}

/** By file, line and column; errors before warnings at one place; each line once. */
export function orderDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const unique = [...new Map(ds.map((d) => [formatDiagnostic(d), d])).values()];
  return unique.sort((a, b) => comparePlaces(a.place, b.place) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function countDiagnostics(ds: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = ds.filter((d) => d.severity === 'error').length;
  return { errors, warnings: ds.length - errors };
}
