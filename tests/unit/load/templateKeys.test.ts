// Every template key is read or refused with its file and line: a misspelt or misplaced key,
// a value of the wrong kind, columns a kind cannot set, `figures: span` where it is ignored.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefKind } from '../../../src/documents/brief/briefKind.js';
import { handoutKind } from '../../../src/documents/handout/handoutKind.js';
import { letterKind } from '../../../src/documents/letter/letterKind.js';
import type { AnyDocumentKind } from '../../../src/documents/documentKind.js';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadTemplate } from '../../../src/load/loadTemplate.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { composeAsBrief } from '../../helpers/kinds.js';
import { para, resolvedDoc, words } from '../../helpers/resolvedDoc.js';
import type { BriefOptions } from '../../../src/documents/brief/briefKind.js';
import type { HandoutOptions } from '../../../src/documents/handout/handoutKind.js';

const SHIPPED = (kind: string) => readFileSync(join(REPO_ROOT, `templates/${kind}.yaml`), 'utf8');

/** Loads `text` as templates/KIND.yaml of a scratch project. */
function load(text: string, kind: AnyDocumentKind = briefKind) {
  const dir = mkdtempSync(join(tmpdir(), 'template-keys-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, `templates/${kind.name}.yaml`), text);
  return loadTemplate(dir, `templates/${kind.name}.yaml`, kind);
}

/** The messages of what loading `text` threw (one line each). */
function errorsOf(text: string, kind: AnyDocumentKind = briefKind): string[] {
  try {
    load(text, kind);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

/** The shipped brief template with `columns` and `figures` set. */
const brief = (columns: number, figures: string) => SHIPPED('brief').replace(/^columns: 1 /m, `columns: ${columns} `).replace(/^figures: column/m, `figures: ${figures}`);

/** The line (1-based) of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('template keys', () => {
  it('the shipped templates load without errors', () => {
    expect(errorsOf(SHIPPED('brief'))).toEqual([]);
    expect(errorsOf(SHIPPED('handout'), handoutKind)).toEqual([]);
    expect(errorsOf(SHIPPED('letter'), letterKind)).toEqual([]);
  });

  it('reads expansion.emergency, and refuses one below max or over 5 %', () => {
    const withExpansion = (v: string) => SHIPPED('brief').replace(/^expansion: .*$/m, `expansion: ${v}`);
    expect(load(withExpansion('{ max: 0.02, step: 0.005, emergency: 0.03 }')).expansion).toEqual({ max: 0.02, step: 0.005, emergency: 0.03 });
    // Absent: the breaker's default (2.5 × max, at most 5 %), not written into the template.
    expect(load(SHIPPED('brief')).expansion).toEqual({ max: 0.02, step: 0.005 });
    const low = withExpansion('{ max: 0.02, emergency: 0.01 }');
    const line = lineOf(low, 'expansion:');
    // At the value: its line, and its column.
    const col = low.split('\n')[line - 1].indexOf('0.01') + 1;
    expect(errorsOf(low)).toEqual([
      `templates/brief.yaml:${line}:${col}: expansion.emergency (0.01) is less than expansion.max (0.02) — set it to max or more, up to 0.05 (equal to max: no wider range)`,
    ]);
    expect(errorsOf(withExpansion('{ max: 0.02, emergency: 0.2 }')).join('\n')).toMatch(/expansion\.emergency.*0\.05/);
    expect(errorsOf(withExpansion('{ max: 0.02, emergenc: 0.03 }')).join('\n')).toMatch(/unknown template key "expansion\.emergenc"/);
    // A step larger than the range it divides was silently cut to max.
    expect(errorsOf(withExpansion('{ max: 0.02, step: 0.05 }')).join('\n')).toMatch(/expansion\.step \(0\.05\) is larger than expansion\.max \(0\.02\) — a step of max or less/);
  });

  it('refuses an unknown top-level key with its line and a suggestion', () => {
    const text = SHIPPED('brief').replace('columns: 1', 'colums: 1');
    const errs = errorsOf(text);
    expect(errs).toContain(`templates/brief.yaml:${lineOf(text, 'colums')}:9: unknown template key "colums" — did you mean "columns"?`);
  });

  it('refuses unknown keys inside margins, colours, type roles and the type map', () => {
    const text = SHIPPED('brief')
      .replace('marginsMm: { top: 24,', 'marginsMm: { gutter: 5, top: 24,')
      .replace('  rule: {', '  link: "#0000ff"\n  rule: {')
      .replace('  body: { font: serif,', '  body: { weight: 600, font: serif,')
      .replace('  code: {', '  h4: { font: sans, size: 9, leading: 12 }\n  code: {');
    const errs = errorsOf(text);
    expect(errs.some((e) => e.startsWith(`templates/brief.yaml:${lineOf(text, 'marginsMm')}:`) && e.includes('unknown template key "marginsMm.gutter"'))).toBe(true);
    expect(errs.some((e) => e.startsWith(`templates/brief.yaml:${lineOf(text, '  link')}:`) && e.includes(`unknown colour "link"`))).toBe(true);
    expect(errs.some((e) => e.startsWith(`templates/brief.yaml:${lineOf(text, '  body')}:`) && e.includes('unknown template key "type.body.weight"'))).toBe(true);
    expect(errs.some((e) => e.startsWith(`templates/brief.yaml:${lineOf(text, '  h4')}:`) && e.includes('unknown template key "type.h4"'))).toBe(true);
  });

  it('refuses space above or below anything but a heading (it would be ignored)', () => {
    const text = SHIPPED('brief').replace('  caption: { font: sans,', '  caption: { spaceBefore: 4, font: sans,');
    expect(errorsOf(text)).toEqual([`templates/brief.yaml:${lineOf(text, '  caption')}:27: unknown template key "type.caption.spaceBefore" — type.caption takes font, size, leading`]);
  });

  it('refuses a space before a heading that is not a number', () => {
    const text = SHIPPED('brief').replace('spaceBefore: 18', 'spaceBefore: "18pt"');
    expect(errorsOf(text).join('\n')).toContain(`templates/brief.yaml:${lineOf(text, '  h1')}:`);
  });

  it('refuses columns a kind does not set, and figures: span where figures sit in the columns', () => {
    const letter = SHIPPED('letter').replace('columns: 1', 'columns: 2');
    expect(errorsOf(letter, letterKind)).toEqual([`templates/letter.yaml:${lineOf(letter, 'columns')}:10: a letter is set in one column: columns 2 would be ignored — set columns: 1`]);
    const handout = SHIPPED('handout').replace('columns: 2', 'columns: 2\nfigures: span');
    expect(errorsOf(handout, handoutKind)).toEqual([`templates/handout.yaml:${lineOf(handout, 'figures')}:10: a handout sets figures in its columns: figures: span would be ignored — remove the key`]);
    expect(errorsOf(brief(2, 'across')).join('\n')).toContain('figures must be column or span');
  });

  it('reads columns: 2 and figures: span for the brief', () => {
    const t = load(brief(2, 'span'));
    expect(t.columns).toBe(2);
    expect(t.figures).toBe('span');
    // One column has nothing to span.
    expect(load(brief(1, 'span')).figures).toBe('column');
  });

  it('the cover and band keys shown as comments in the shipped templates are the defaults', () => {
    // Uncommented, the documented values (in millimetres, rounded) give the geometry the code
    // uses without them, to the rounding of a printed millimetre.
    const uncomment = (text: string, block: string) => text.replace(new RegExp(`^# (${block}:\\n(?:#   .*\\n)+)`, 'm'), (m) => m.replace(/^# /gm, ''));
    const brief = SHIPPED('brief');
    const withCover = uncomment(brief, 'cover').replace(/^# closingBandMm/m, 'closingBandMm');
    expect(withCover).not.toBe(brief);
    const a = load(brief).options as BriefOptions;
    const b = load(withCover).options as BriefOptions;
    for (const [k, v] of Object.entries(a.cover)) expect(typeof v === 'number' ? Math.abs(v - (b.cover[k as keyof typeof b.cover] as number)) : b.cover[k as keyof typeof b.cover], k).toSatisfy((d: unknown) => (typeof d === 'number' ? d < 0.2 : d === v));
    expect(Math.abs(a.closingBand - b.closingBand)).toBeLessThan(0.2);
    const handout = SHIPPED('handout');
    const h = (load(handout, handoutKind).options as HandoutOptions).band;
    const hb = (load(uncomment(handout, 'band'), handoutKind).options as HandoutOptions).band;
    for (const [k, v] of Object.entries(h)) expect(typeof v === 'number' ? Math.abs(v - (hb[k as keyof typeof hb] as number)) < 0.2 : hb[k as keyof typeof hb] === v, k).toBe(true);
  });

  it('honours cover keys: the band\'s height, the title\'s size and colour', () => {
    const t = load(SHIPPED('brief') + 'cover: { bandHeight: 0.3, titleSize: 24, titleColor: warm }\n');
    const laid = composeAsBrief(resolvedDoc([para(words(30))]), t, 'a4');
    const band = laid.pages[0].items.find((it) => it.kind === 'rect' && it.container === 'cover band');
    expect(band).toMatchObject({ h: 841.89 * 0.3 });
    const title = laid.pages[0].items.find((it) => it.kind === 'text' && it.fragments.some((f) => f.text.includes('Test')));
    expect(title?.kind === 'text' && title.fragments[0].style).toMatchObject({ size: 24, color: t.colors.warm });
    expect(errorsOf(SHIPPED('brief') + 'cover: { bandHeigth: 0.3, titleColor: teal }\n')).toEqual([
      expect.stringMatching(/unknown template key "cover.bandHeigth" — did you mean "cover.bandHeight"\?$/),
      expect.stringMatching(/cover.titleColor must be a colour like/),
    ]);
  });
});
