// Derived figures state how they were computed (e.g. "ilo.forced_labour - ilo.sexual_exploitation");
// the loader recomputes them so a derived number can never drift from its inputs.
import type { Figure } from './sourceTypes.js';

/** Evaluates + - * / and parentheses over figure keys and numbers; returns an error string on failure. */
export function evaluateDerived(expr: string, figures: Map<string, Figure>): number | string {
  const tokens = expr.match(/[a-z0-9_]+(?:\.[a-z0-9_]+)+|\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const fail = (m: string): never => {
    throw new Error(m);
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) return fail('expression ends too early');
    if (t === '(') {
      const v = sum();
      if (tokens[i++] !== ')') fail('missing )');
      return v;
    }
    if (t === '-') return -primary();
    if (/^\d/.test(t) && !t.includes('.', t.indexOf('.') + 1) && /^\d+(\.\d+)?$/.test(t)) return Number(t);
    const f = figures.get(t);
    if (!f) return fail(`unknown figure "${t}"`);
    if (typeof f.value !== 'number') return fail(`figure "${t}" is not a number`);
    return f.value;
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const w = primary();
      // Infinity would "match" any stated value within the tolerance: a division by zero is an error.
      if (op === '/' && w === 0) fail('it divides by zero');
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  try {
    const v = sum();
    if (i !== tokens.length) fail(`unexpected "${tokens[i]}"`);
    if (!Number.isFinite(v)) fail('the result is not a finite number');
    return v;
  } catch (e) {
    return (e as Error).message;
  }
}
