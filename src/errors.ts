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
