// Errors the user can act on. Each carries the place in their files it is about, so the CLI
// can print `path:line:col: what is wrong — how to fix it` without a stack trace.

export interface SourcePlace {
  /** Path relative to the project root, e.g. content/brief.md. */
  file: string;
  line?: number;
  col?: number;
}

export class InputError extends Error {
  constructor(
    readonly place: SourcePlace,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(formatPlace(place) + ': ' + problem + (hint ? ' — ' + hint : ''));
    this.name = 'InputError';
  }
}

/** Several input errors found in one pass, reported together. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}

export function formatPlace(p: SourcePlace): string {
  let s = p.file;
  if (p.line !== undefined) {
    s += ':' + p.line;
    if (p.col !== undefined) s += ':' + p.col;
  }
  return s;
}

/** Collects errors so a stage can report all of them at once instead of stopping at the first. */
export class ErrorList {
  readonly errors: InputError[] = [];
  add(place: SourcePlace, problem: string, hint?: string): void {
    this.errors.push(new InputError(place, problem, hint));
  }
  push(e: InputError): void {
    this.errors.push(e);
  }
  get length(): number {
    return this.errors.length;
  }
  throwIfAny(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new InputErrors(this.errors);
  }
}

/**
 * Errors of a whole run in the order an author fixes them: by file, then line and column (a
 * problem with no line first), and each message once (a partial included by two documents, or
 * a data file read by both --jobs workers, would otherwise report the same problem twice).
 */
export function orderErrors(errors: readonly InputError[]): InputError[] {
  const unique = [...new Map(errors.map((e) => [e.message, e])).values()];
  return unique.sort((a, b) => comparePlaces(a.place, b.place));
}

/** Orders places by file, then line and column; the sort is stable, so ties keep their order. */
export function comparePlaces(a: SourcePlace, b: SourcePlace): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

/** Throws the errors of a run, ordered (see orderErrors); nothing when there are none. */
export function throwErrors(errors: readonly InputError[]): void {
  const ordered = orderErrors(errors);
  if (ordered.length === 1) throw ordered[0];
  if (ordered.length > 1) throw new InputErrors(ordered);
}

/** Adds what a stage threw to `into` when it is input errors; anything else is a bug and is rethrown. */
export function collectInputErrors(e: unknown, into: ErrorList): void {
  if (e instanceof InputError) into.push(e);
  else if (e instanceof Error && 'errors' in e && Array.isArray(e.errors) && e.errors.every((x) => x instanceof InputError)) {
    for (const x of e.errors as InputError[]) into.push(x);
  } else throw e;
}

/** "did you mean" for unknown keys: the closest candidate within a small edit distance. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
