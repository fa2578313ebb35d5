// Diagnostics: one line each as `report check` prints them, in the order an author fixes them,
// each once; stage errors ordered the same way.
import { describe, expect, it } from 'vitest';
import { countDiagnostics, formatDiagnostic, fromInputError, fromLine, orderDiagnostics, type Diagnostic } from '../../../src/check/diagnostic.js';
import { InputError, InputErrors, orderErrors, throwErrors } from '../../../src/errors.js';

const d = (file: string, line: number | undefined, severity: Diagnostic['severity'], message: string, col?: number): Diagnostic =>
  ({ severity, place: { file, line, col }, message });

describe('diagnostics', () => {
  it('formats as file:line:col: severity: message — hint', () => {
    expect(formatDiagnostic({ severity: 'error', place: { file: 'content/brief.md', line: 14, col: 5 }, message: 'what', hint: 'how' }))
      .toBe('content/brief.md:14:5: error: what — how');
    expect(formatDiagnostic({ severity: 'warning', place: { file: 'content/data/x.csv' }, message: 'what' })).toBe('content/data/x.csv: warning: what');
    expect(formatDiagnostic({ severity: 'warning', place: { file: '' }, message: 'what' })).toBe('warning: what');
    expect(formatDiagnostic(fromInputError(new InputError({ file: 'a.md', line: 2 }, 'p', 'h')))).toBe('a.md:2: error: p — h');
  });

  it('reads the place back from a warning given as a line', () => {
    expect(fromLine('warning', 'content/handout.md:3:7: shrunk to 96% — fine')).toMatchObject({ place: { file: 'content/handout.md', line: 3, col: 7 }, message: 'shrunk to 96% — fine' });
    expect(fromLine('warning', 'content/handout.md: shrunk').place).toEqual({ file: 'content/handout.md' });
    expect(fromLine('warning', 'no place here').place).toEqual({ file: '' });
  });

  it('orders by file, line and column, errors first at one place, and drops repeats', () => {
    const ds = [
      d('content/data/ilo.csv', 3, 'error', 'data'),
      d('content/brief.md', 40, 'warning', 'late'),
      d('content/brief.md', 9, 'warning', 'w', 5),
      d('content/brief.md', 9, 'error', 'e', 5),
      d('content/brief.md', 9, 'warning', 'earlier', 2),
      d('content/brief.md', undefined, 'error', 'whole file'),
      d('content/brief.md', 40, 'warning', 'late'),
    ];
    expect(orderDiagnostics(ds).map(formatDiagnostic)).toEqual([
      'content/brief.md: error: whole file',
      'content/brief.md:9:2: warning: earlier',
      'content/brief.md:9:5: error: e',
      'content/brief.md:9:5: warning: w',
      'content/brief.md:40: warning: late',
      'content/data/ilo.csv:3: error: data',
    ]);
    expect(countDiagnostics(orderDiagnostics(ds))).toEqual({ errors: 3, warnings: 3 });
  });

  it('orders and deduplicates stage errors, and throws one as itself', () => {
    const a = new InputError({ file: 'content/data/ilo.csv', line: 3 }, 'a');
    const b = new InputError({ file: 'content/brief.md', line: 20 }, 'b');
    const c = new InputError({ file: 'content/brief.md', line: 4 }, 'c');
    expect(orderErrors([a, b, c, b]).map((e) => e.problem)).toEqual(['c', 'b', 'a']);
    expect(() => throwErrors([b])).toThrow(b);
    try {
      throwErrors([a, b, c]);
      expect.unreachable();
    } catch (e) {
      expect((e as InputErrors).errors.map((x) => x.problem)).toEqual(['c', 'b', 'a']);
    }
    expect(() => throwErrors([])).not.toThrow();
  });
});
