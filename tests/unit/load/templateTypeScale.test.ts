// Heading sizes follow a sane scale (h1 ≥ h2 ≥ h3 ≥ body): a template that breaks it is refused
// with an error at the offending size's line, and every template the project ships or tests
// with obeys it.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefKind } from '../../../src/documents/brief/briefKind.js';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadTemplate } from '../../../src/load/loadTemplate.js';
import { REPO_ROOT, SAMPLE_ROOT } from '../../helpers/paths.js';
import { KINDS } from '../../helpers/kinds.js';

const base = readFileSync(join(SAMPLE_ROOT, 'templates/brief.yaml'), 'utf8');

function errorsOf(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'report-scale-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates/brief.yaml'), text);
  try {
    loadTemplate(dir, 'templates/brief.yaml', briefKind);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

const lineOf = (s: string, needle: string) => s.split('\n').findIndex((l) => l.includes(needle)) + 1;
const withSize = (role: string, size: number) => base.replace(new RegExp(`^(\\s*${role}: \\{ font: [\\w-]+, size: )[\\d.]+`, 'm'), `$1${size}`);

describe('the type scale of a template', () => {
  it('the sample brief template is accepted as it is', () => {
    expect(errorsOf(base)).toEqual([]);
  });

  it('a level-3 heading smaller than the body is refused at its size', () => {
    const text = withSize('h3', 9.5);
    expect(text).not.toBe(base);
    expect(errorsOf(text)).toEqual([
      `templates/brief.yaml:${lineOf(text, '  h3:')}:${text.split('\n')[lineOf(text, '  h3:') - 1].indexOf('9.5') + 1}: type.h3.size 9.5 is smaller than the body text (type.body.size 10.5): a heading is never smaller than the text it heads — make it at least 10.5`,
    ]);
  });

  it('a heading the same size as the body is fine (weight and space set it apart)', () => {
    expect(errorsOf(withSize('h3', 10.5))).toEqual([]);
  });

  it('an inverted scale (h2 larger than h1) is refused at the larger size', () => {
    const text = withSize('h2', 18);
    const errs = errorsOf(text);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(new RegExp(`^templates/brief\\.yaml:${lineOf(text, '  h2:')}:\\d+: type\\.h2\\.size 18 is larger than type\\.h1\\.size 17: `));
  });

  it('a bad size gets its own error only, not a scale error besides', () => {
    const errs = errorsOf(base.replace(/^(\s*h3: \{ font: [\w-]+, size: )[\d.]+/m, '$1"big"'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('type.h3.size must be a number');
  });

  // Every template in templates/ and under tests/fixtures/*/templates/ loads (a bounded list).
  const roots = [REPO_ROOT, ...readdirSync(join(REPO_ROOT, 'tests/fixtures')).map((f) => join(REPO_ROOT, 'tests/fixtures', f))];
  const templates = roots.flatMap((root) => {
    let files: string[];
    try {
      files = readdirSync(join(root, 'templates')).filter((f) => f.endsWith('.yaml'));
    } catch {
      return [];
    }
    return files.map((f) => ({ root, file: `templates/${f}` }));
  });

  it('every template shipped or used by the tests obeys it', () => {
    expect(templates.length).toBeGreaterThanOrEqual(9);
    for (const { root, file } of templates) {
      const kindName = /^kind: (\w+)/m.exec(readFileSync(join(root, file), 'utf8'))?.[1];
      const kind = kindName ? KINDS.get(kindName) : undefined;
      // A kind the registry does not know (a test's own kind) is checked by its own test.
      if (!kind) continue;
      const t = loadTemplate(root, file, kind);
      const s = t.type;
      expect([s.h1.size >= s.h2.size, s.h2.size >= s.h3.size, s.h3.size >= s.body.size], `${root}/${file}`).toEqual([true, true, true]);
    }
  });
});
