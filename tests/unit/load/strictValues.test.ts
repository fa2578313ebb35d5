// Values that used to be accepted and printed wrong: dates off the calendar, Infinity from a
// division by zero, control characters in metadata, and YAML that expands without end.
import { describe, expect, it } from 'vitest';
import { ErrorList } from '../../../src/errors.js';
import { evaluateDerived } from '../../../src/load/derivedFigure.js';
import { readMapping, readYaml } from '../../../src/load/readYaml.js';
import type { Figure } from '../../../src/load/sourceTypes.js';
import { thrownMessage } from '../../helpers/thrownMessage.js';

function fields(yaml: string): string[] {
  const y = readYaml(yaml, 'content/brief.md', 2);
  const errors = new ErrorList();
  readMapping(y, y.doc.contents, { title: { kind: 'string' }, date: { kind: 'date' }, keywords: { kind: 'strings' } }, errors, 'front matter');
  return errors.errors.map((e) => e.message);
}

const message = thrownMessage;

describe('strict values', () => {
  it('a date must be on the calendar', () => {
    expect(fields('date: 2026-02-28')).toEqual([]);
    expect(fields('date: 2024-02-29')).toEqual([]);
    expect(fields('date: 2026-02-31')).toEqual(['content/brief.md:2:7: "date": 2026-02-31 is not a day of the calendar (that month has 28 days) — write a real date, e.g. 2026-11-30']);
    expect(fields('date: 2025-02-29')).toEqual(['content/brief.md:2:7: "date": 2025-02-29 is not a day of the calendar (that month has 28 days) — write a real date, e.g. 2026-11-30']);
    expect(fields('date: 2026-13-01')).toEqual(['content/brief.md:2:7: "date": 2026-13-01 has no month 13 — write a real date, e.g. 2026-11-30']);
    expect(fields('date: 0000-00-00')).toEqual(['content/brief.md:2:7: "date": 0000-00-00 is not on the calendar (there is no year 0) — write a real date, e.g. 2026-11-30']);
  });

  it('text metadata may not hold control characters (tab and line ends may)', () => {
    expect(fields('title: "A\\tb"')).toEqual([]);
    expect(fields('title: "Bell\\a"')).toEqual(['content/brief.md:2:8: "title" contains the control character U+0007 — remove it: it cannot be printed and would make the PDF\'s metadata invalid']);
    expect(fields('keywords: [ok, "nul\\0"]')).toEqual(['content/brief.md:2:16: "keywords" contains the control character U+0000 — remove it: it cannot be printed and would make the PDF\'s metadata invalid']);
    expect(fields('title: "C1 \\x85"')).toHaveLength(1);
  });

  it('a text field keeps what was typed: YAML would read 007 as 7 and 0x10 as 16', () => {
    const y = readYaml('title: 0x10\nsubtitle: 007\nkeywords: [1e3, 0o17]', 'content/brief.md', 2);
    const errors = new ErrorList();
    const m = readMapping(y, y.doc.contents, { title: { kind: 'string' }, subtitle: { kind: 'string' }, keywords: { kind: 'strings' } }, errors, 'front matter');
    expect(errors.errors).toEqual([]);
    expect(m).toEqual({ title: '0x10', subtitle: '007', keywords: ['1e3', '0o17'] });
  });

  it('a YAML alias bomb is refused at its first alias; a few aliases are fine', () => {
    expect(message(() => readYaml('a: &a [x, y]\nb: *a\n', 'f.yaml'))).toBe('no error');
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [n, p] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) rows.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]`);
    expect(message(() => readYaml(rows.join('\n'), 'templates/brief.yaml'))).toMatch(/^templates\/brief\.yaml:2:\d+: YAML aliases \(\*name\) here expand to too much \(an "alias bomb"\) — /);
  });

  it('a derived figure must be finite: a division by zero is an error, not Infinity', () => {
    const figures = new Map<string, Figure>([['a.x', { value: 10 } as Figure], ['a.zero', { value: 0 } as Figure]]);
    expect(evaluateDerived('a.x / 4', figures)).toBe(2.5);
    expect(evaluateDerived('a.x / a.zero', figures)).toBe('it divides by zero');
    expect(evaluateDerived('a.x / (a.x - a.x)', figures)).toBe('it divides by zero');
    expect(evaluateDerived('a.zero / a.zero', figures)).toBe('it divides by zero');
    // Large but finite products stay numbers; overflow to Infinity does not.
    expect(evaluateDerived('a.x * 1000', figures)).toBe(10000);
    const huge = new Map<string, Figure>([['a.big', { value: 1e300 } as Figure]]);
    expect(evaluateDerived('a.big * a.big', huge)).toBe('the result is not a finite number');
  });
});
