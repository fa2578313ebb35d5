// config.yaml's brand keys: fonts by role, logo and cover image, each mistake at its line.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadConfig } from '../../../src/load/loadConfig.js';
import { KINDS } from '../../helpers/kinds.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const BASE = readFileSync(join(REPO_ROOT, 'tests/fixtures/other-org/content/config.yaml'), 'utf8');

function errorsOf(extra: string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'brand-config-'));
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, 'content/config.yaml'), BASE + extra);
  try {
    loadConfig(root, KINDS);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

const line = (extra: string, start: string) => BASE.split('\n').length - 1 + extra.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('config.yaml brand keys', () => {
  it('reads fonts, a plain logo path and a cover image with its description', () => {
    expect(errorsOf('fonts: { serif: fonts/A.ttf, sans-bold: fonts/B.otf }\nlogo: images/logo.svg\ncoverImage: { file: images/c.jpg, alt: "A field" }\n')).toEqual([]);
  });

  it('refuses a role that is not one, a file that is not a font, a path out of content/', () => {
    const extra = 'fonts:\n  sans-semi-bold: fonts/A.ttf\n  sans: fonts/B.woff2\n  mono: ../fonts/C.ttf\n';
    const errs = errorsOf(extra);
    expect(errs.some((e) => e === `content/config.yaml:${line(extra, '  sans-semi-bold')}:3: fonts: "sans-semi-bold" is not a type role — did you mean "sans-semibold"?`)).toBe(true);
    expect(errs.some((e) => e.startsWith(`content/config.yaml:${line(extra, '  sans:')}:`) && e.includes('fonts.sans "fonts/B.woff2" must be a .ttf or .otf file'))).toBe(true);
    expect(errs.some((e) => e.startsWith(`content/config.yaml:${line(extra, '  mono:')}:`) && e.includes('must be a path inside content/'))).toBe(true);
  });

  it('refuses a cover image without a description, a logo of another kind, an unknown key', () => {
    const extra = 'logo: { file: images/logo.gif, caption: "x" }\ncoverImage: images/c.jpg\n';
    const errs = errorsOf(extra);
    expect(errs.some((e) => e.includes('unknown key "caption" in logo'))).toBe(true);
    expect(errs.some((e) => e.includes('logo "images/logo.gif" must be an .svg or .png file'))).toBe(true);
    expect(errs.some((e) => e.startsWith(`content/config.yaml:${line(extra, 'coverImage')}:`) && e.includes('coverImage needs a description'))).toBe(true);
  });
});
