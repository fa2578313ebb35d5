// The README's table of units is the documentation of how each unit prints: every row is
// formatted here in en-GB and French, and every unit of the unit table must have a row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNITS } from '../../../src/load/unitTable.js';
import { formatValue } from '../../../src/resolve/formatFigure.js';
import { REPO_ROOT } from '../../helpers/paths.js';

interface Example { unit: string; value: number | string; enGB: string; fr: string; line: number }

/** The rows of the table under "**Units**" in README.md. */
function readmeUnitExamples(): Example[] {
  const lines = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('**Units**'));
  expect(start, 'README has a **Units** paragraph').toBeGreaterThan(0);
  const header = lines.findIndex((l, i) => i > start && l.startsWith('| unit'));
  const rows: Example[] = [];
  for (let i = header + 2; i < lines.length && lines[i].startsWith('|'); i++) {
    const [unitCell, value, enGB, fr] = lines[i].split('|').slice(1, -1).map((c) => c.trim());
    const unit = /`([^`]+)`/.exec(unitCell)?.[1];
    expect(unit, `README.md:${i + 1} names its unit in backticks`).toBeDefined();
    rows.push({ unit: unit!, value: /^-?[\d.]+$/.test(value) ? Number(value) : value, enGB, fr, line: i + 1 });
  }
  return rows;
}

/** The README cannot show no-break spaces: they compare as spaces here (formatFigure.test.ts checks them). */
const spaces = (s: string) => s.replace(/\s/g, ' ');

describe('README.md: the table of units', () => {
  const examples = readmeUnitExamples();

  it('has a row for every unit in src/load/unitTable.ts', () => {
    expect(examples.length).toBeGreaterThanOrEqual(UNITS.length);
    const documented = new Set(examples.map((e) => e.unit));
    for (const u of UNITS) expect(documented.has(u.id), `README documents unit "${u.id}"`).toBe(true);
  });

  it.each(readmeUnitExamples().map((e) => [e.line, e] as const))('README.md:%i formats as documented in en-GB and fr', (_line, e) => {
    expect(spaces(formatValue(e.value, e.unit, { locale: 'en-GB' }))).toBe(e.enGB);
    expect(spaces(formatValue(e.value, e.unit, { locale: 'fr' }))).toBe(e.fr);
  });
});
