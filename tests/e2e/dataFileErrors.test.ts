// Bad data files through the CLI: one located line per problem, all at once, exit code 2,
// and no PDF written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';

async function build(root: string): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(['build', '--root', root, '--out', join(root, 'out')], { out: () => undefined, err: (s) => err.push(s) });
  return { code, err: err.join('\n') };
}

describe('bad data files are located errors', () => {
  it('unknown unit, bad year range and a number with separators, each at its line of content/data/x.csv', async () => {
    const root = scratchProject(OTHER_ORG_ROOT);
    writeFileSync(join(root, 'content/data/x.csv'), [
      'key,label,value,unit,year',
      'x.ok,Fine,12.5,mm,2014',
      'x.unit,Unknown unit,3,celcius,2014',
      'x.range,Backwards range,4,mm,2015-2012',
      'x.sep,Separators,"1,232.8",mm,2014',
    ].join('\n') + '\n');
    writeFileSync(join(root, 'content/data/x.yaml'), 'source: Test\nyear: 2012-2015\n');
    const r = await build(root);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines).toContain('content/data/x.csv:3: unknown unit "celcius" for x.unit — did you mean "°C"?');
    expect(lines).toContain('content/data/x.csv:4: year "2015-2012" of x.range is not a range of years: 2012 is not after 2015 — write the earlier year first, e.g. 2012-2015; a single year is written alone');
    expect(lines).toContain('content/data/x.csv:5: value "1,232.8" of x.sep is not a plain number — write it without separators, e.g. 4500000 or 1.65');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'out/brief.pdf'))).toBe(false);
  });

  it('in a plain table too, and in its sidecar', async () => {
    const root = scratchProject(OTHER_ORG_ROOT);
    writeFileSync(join(root, 'content/data/x.csv'), 'month,mm\nJan,116.5\nFeb,"1,055"\n');
    writeFileSync(join(root, 'content/data/x.yaml'), 'source: Test\nyear: 2012-13\n');
    const r = await build(root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('content/data/x.yaml:2:7: year "2012-13" is not a range of years — write both years in full, e.g. 2012-2013');
    // The table is read only once its sidecar is right; then the cell is refused at its line.
    writeFileSync(join(root, 'content/data/x.yaml'), 'source: Test\nyear: 2012-2013\n');
    const again = await build(root);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^content\/data\/x\.csv:3: mm: "1,055" is not a plain number — /m);
  });
});
