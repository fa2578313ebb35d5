// The fast width model (cmap + OpenType kerning and ligatures read from the tables) must agree
// with fontkit's full shaping, which is what pdfkit would otherwise draw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/build/buildSession.js';
import { FONT_KEYS, getFont, measureText, shapeComplex } from '../../src/fonts/fontRegistry.js';
import { shapeSimple } from '../../src/fonts/simpleShaper.js';
import { SAMPLE_ROOT } from '../helpers/paths.js';

const corpus = readFileSync(join(SAMPLE_ROOT, 'content/brief.md'), 'utf8').replace(/[^\p{L}\p{N}\p{P}\s$%]/gu, '').split(/\s+/).filter(Boolean);
const words = [...new Set(corpus)].slice(0, 600);

describe('text measurement', () => {
  for (const key of FONT_KEYS.filter((k) => !k.startsWith('khmer'))) {
    it(`matches fontkit shaping word for word in ${key}`, () => {
      const f = getFont(key);
      let checked = 0;
      for (const w of [...words, 'office', 'affluent', 'AVATAR', 'To', 'Ty.', 'fjord', '“quoted”', 'Hồ Chí Minh']) {
        const run = f.font.layout(w);
        const shaped = run.positions.reduce((a, p) => a + p.xAdvance, 0);
        const mine = shapeSimple(f.font, w);
        expect(mine.advance, `${key} "${w}"`).toBeCloseTo(shaped, 6);
        expect(mine.glyphs.map((g) => g.id), `${key} "${w}" glyphs`).toEqual(run.glyphs.map((g) => g.id));
        checked++;
      }
      expect(checked).toBeGreaterThan(300);
    });
  }

  it('kerns: "AV" is narrower than "A" plus "V" in the serif', () => {
    expect(measureText('serif', 'AV', 10)).toBeLessThan(measureText('serif', 'A', 10) + measureText('serif', 'V', 10) - 0.05);
  });

  it('shapes Khmer with fontkit, not the simple model', () => {
    const km = 'ព្រះរាជាណាចក្រកម្ពុជា';
    const f = getFont('khmer');
    const run = f.font.layout(km);
    expect(measureText('khmer', km, 1)).toBeCloseTo(run.positions.reduce((a, p) => a + p.xAdvance, 0) / f.unitsPerEm, 6);
  });
});

describe('the font pdfkit embeds (pdfFontFacade)', () => {
  it.each(FONT_KEYS)('%s: reports what fontkit decodes, from the bytes', (key) => {
    const f = getFont(key);
    const fk = f.font as unknown as Record<string, any>;
    const facade = f.pdfFont as Record<string, any>;
    expect(facade.postscriptName).toBe(fk.postscriptName);
    for (const k of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'capHeight', 'xHeight', 'italicAngle']) expect(facade[k], k).toBe(fk[k]);
    const bbox = fk.bbox;
    expect(facade.bbox).toEqual({ minX: bbox.minX, minY: bbox.minY, maxX: bbox.maxX, maxY: bbox.maxY });
    expect(facade['OS/2'].sFamilyClass).toBe(fk['OS/2'].sFamilyClass);
    expect(facade.post.isFixedPitch).toBe(!!fk.post.isFixedPitch);
    expect(facade.head.macStyle.italic).toBe(!!fk.head.macStyle.italic);
    expect(facade.getGlyph(0).advanceWidth).toBe(fk.getGlyph(0).advanceWidth);
    expect(typeof facade.layout).toBe('function');
  });

  it('tells italic, monospaced and other fonts apart, as their descriptors must', () => {
    const facade = (key: Parameters<typeof getFont>[0]) => getFont(key).pdfFont as Record<string, any>;
    expect(facade('serif-italic').head.macStyle.italic).toBe(true);
    expect(facade('serif').head.macStyle.italic).toBe(false);
    expect(facade('serif-italic').italicAngle).toBeLessThan(0);
    expect(facade('mono').post.isFixedPitch).toBe(true);
    expect(facade('sans').post.isFixedPitch).toBe(false);
    expect(new Set(FONT_KEYS.map((k) => facade(k).postscriptName)).size).toBe(FONT_KEYS.length);
  });
});

describe('shapeComplex', () => {
  it('gives a run that depends on its text alone, not on what was shaped before', () => {
    // Glyphs that several Khmer sequences share (កា and កោ reach the same glyph) must not carry
    // the code points of whichever text fontkit met first.
    const fresh = () => {
      // A new process: fontkit has made no Glyph objects yet, and a new session memoises nothing.
      (getFont('khmer').font as unknown as { _glyphs: object })._glyphs = {};
      return new BuildSession();
    };
    const alone = fresh().run(() => shapeComplex('khmer', 'កា'));
    const session = fresh();
    session.run(() => shapeComplex('khmer', 'កោ'));
    // A later session shapes again, after other text was shaped in this process.
    const after = new BuildSession().run(() => shapeComplex('khmer', 'កា'));
    // Within a session the run is memoised: the same object comes back.
    expect(session.run(() => shapeComplex('khmer', 'កោ'))).toBe(session.run(() => shapeComplex('khmer', 'កោ')));
    expect(after).toEqual(alone);
    expect(alone.glyphs.flatMap((g) => g.codePoints)).toEqual([0x1780, 0x17b6]);
  });
});
