// What src/render/pdfkitInternals.ts relies on in pdfkit, checked against the installed version:
// if one of these fails after an upgrade, drawing charts is broken in that place.
import { describe, expect, it } from 'vitest';
import { pdfOf } from '../../helpers/pdfOf.js';
import { packageVersion, sameMajorAtLeast } from '../../helpers/packageVersion.js';
import { readFileSync } from 'node:fs';
import { fontPath } from '../../../src/fonts/fontRegistry.js';
import { escapeXmpInfo, fontForPage, hookEmbeddedFont, isFontRegistered, keepTextState, lastAnnotation, pinObjrPages, textOptionsWithWidth } from '../../../src/render/pdfkitInternals.js';
import { PDFDocument } from '../../../src/render/pdfkitModule.js';

type Internals = Record<string, unknown>;

describe('pdfkit version', () => {
  it('is the one pdfkitInternals.ts was written against (0.20.x)', () => {
    const v = packageVersion('pdfkit');
    expect(sameMajorAtLeast(v, '0.20.0') && v.startsWith('0.20.'), `pdfkit ${v}`).toBe(true);
  });
});

describe('keepTextState', () => {
  it('finds pdfkit’s text state in the members it snapshots, and puts it back', async () => {
    await pdfOf((doc) => {
      doc.font('Courier').fontSize(13).fillColor('#336699');
      doc.x = 123;
      doc.y = 456;
      const d = doc as unknown as Internals;
      // The members exist and hold what the public calls set.
      expect(d._fontSize).toBe(13);
      expect(d._fontSource).toBe('Courier');
      expect((d._font as { name?: string }).name).toBe('Courier');
      expect('_fontFamily' in d).toBe(true);
      expect(d._fillColor).toEqual(['#336699', undefined]);
      const before = { x: doc.x, y: doc.y, font: d._font, size: d._fontSize, source: d._fontSource, family: d._fontFamily, fill: d._fillColor };

      const restore = keepTextState(doc);
      doc.font('Helvetica-Bold').fontSize(7).fillColor('red');
      doc.text('moves the cursor', 10, 20);
      restore();
      expect({ x: doc.x, y: doc.y, font: d._font, size: d._fontSize, source: d._fontSource, family: d._fontFamily, fill: d._fillColor }).toEqual(before);
      expect(d._font).toBe(before.font);
      // pdfkit measures (and so draws) with the restored font again.
      expect(doc.widthOfString('iii')).toBeCloseTo((3 * 600 * 13) / 1000, 6);
    });
  });
});

describe('textOptionsWithWidth', () => {
  // An underline is drawn as long as the width pdfkit uses for the text: the given one if it
  // honours `textWidth`, the measured one otherwise.
  const underlineEnd = async (options: PDFKit.Mixins.TextOptions) => {
    const raw = (await pdfOf((doc) => doc.font('Courier').fontSize(10).text('Hi', 10, 20, options))).toString('latin1');
    const m = /\n10 [\d.]+ m\n([\d.]+) [\d.]+ l\nS/.exec(raw);
    expect(m, 'underline in the content stream').not.toBeNull();
    return Number(m![1]);
  };

  it('makes pdfkit use the given width instead of measuring the text again', async () => {
    expect(await underlineEnd({ lineBreak: false, underline: true })).toBeCloseTo(10 + 12, 6);
    expect(await underlineEnd(textOptionsWithWidth({ lineBreak: false, underline: true }, 100))).toBeCloseTo(110, 6);
  });
});

describe('addContent', () => {
  it('writes raw operators into the page content (typed, but not in pdfkit’s guide)', async () => {
    const raw = (await pdfOf((doc) => doc.addContent('0 0 m 5 5 l S'))).toString('latin1');
    expect(raw).toContain('\n0 0 m 5 5 l S\n');
  });
});

describe('hookEmbeddedFont', () => {
  it('registered fonts are found by name, and pdfkit measures, encodes and subsets through the hooks', async () => {
    const shaped: string[] = [];
    const subsets: number[][] = [];
    let wasRegistered = true;
    const raw = await pdfOf((doc) => {
      wasRegistered = isFontRegistered(doc, 'test-serif');
      doc.registerFont('test-serif', readFileSync(fontPath('serif')));
      expect(isFontRegistered(doc, 'test-serif')).toBe(true);
      doc.font('Courier');
      const hooked = hookEmbeddedFont(doc, 'test-serif', {
        // Every character is glyph 3, 500 units wide: nothing fontkit would give.
        shape: (text, scale) => {
          shaped.push(text);
          const glyphs = [...text].map((c) => ({ id: 3, advanceWidth: 500, codePoints: [c.codePointAt(0)!] }));
          return { glyphs, positions: glyphs.map(() => ({ xAdvance: 500 * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 500 * scale })), advanceWidth: glyphs.length * 500 * scale };
        },
        encodeSubset: (glyphs, encode) => {
          subsets.push([...glyphs]);
          return encode();
        },
      });
      expect(hooked).toBe(true);
      // The current font is left as it was.
      expect(((doc as unknown as Record<string, { name?: string }>)._font).name).toBe('Courier');
      doc.font('test-serif').fontSize(10);
      // 4 characters × 500/1000 em × 10 pt, whatever the real glyph widths are.
      expect(doc.widthOfString('abcd')).toBeCloseTo(20, 6);
      doc.text('abcd', 10, 10, { lineBreak: false });
    });
    expect(wasRegistered).toBe(false);
    expect(shaped).toContain('abcd');
    // pdfkit's subset holds .notdef and the one glyph the hook gave.
    expect(subsets).toEqual([[0, 3]]);
    expect(raw.toString('latin1')).toContain('/FontFile2');
  });
});

describe('fontForPage, lastAnnotation, escapeXmpInfo, pinObjrPages', () => {
  it("gives a selected font's encoder and lists it among the page's fonts", async () => {
    await pdfOf((doc) => {
      doc.registerFont('test-sans', readFileSync(fontPath('sans')));
      doc.font('test-sans').font('Courier');
      const f = fontForPage(doc, 'test-sans');
      expect(f.id).toMatch(/^F\d+$/);
      expect(Object.keys((doc.page as unknown as { fonts: Record<string, unknown> }).fonts)).toContain(f.id);
      const [encoded, positions] = f.encode('Hi');
      expect(encoded).toHaveLength(2);
      expect(positions[0].xAdvance).toBeGreaterThan(0);
    });
  });

  it('finds the annotation doc.link just added, and its page', async () => {
    await pdfOf((doc) => {
      doc.link(10, 10, 50, 10, 'https://example.org');
      const a = lastAnnotation(doc);
      expect(a.page).toBe((doc.page as unknown as { dictionary: object }).dictionary);
      expect((doc.page as unknown as { annotations: object[] }).annotations).toContain(a.annotation);
    });
  });

  it('escapes the info values in the XMP packet only', async () => {
    const doc = new PDFDocument({ size: 'A4', compress: false, pdfVersion: '1.7', tagged: true, subset: 'PDF/UA', info: { Title: 'Rain & <Shine>' } } as unknown as PDFKit.PDFDocumentOptions);
    escapeXmpInfo(doc);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.end();
    await done;
    const raw = Buffer.concat(chunks).toString('latin1');
    expect(raw).toContain('Rain &amp; &lt;Shine&gt;');
    // The Info dictionary's Title (an indirect string object) keeps the real text.
    expect(raw).toContain('(Rain & <Shine>)');
  });

  it('structure elements flush their children through _flushChild (which pinObjrPages wraps)', () => {
    // The whole effect, each Link's OBJR naming the page of its annotation, is checked on real
    // documents by the PDF/UA checker (tests/helpers/pdfUaCheck.ts).
    const proto = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false, tagged: true } as PDFKit.PDFDocumentOptions).struct('Link'));
    expect(typeof proto._flushChild).toBe('function');
    expect(typeof pinObjrPages).toBe('function');
  });
});
