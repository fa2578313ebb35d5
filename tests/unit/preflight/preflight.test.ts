// report preflight on purpose-built PDFs: each problem it looks for, made on purpose and
// caught on its page; and a clean file passing. The PDFs are made with pdf-lib and pdfkit,
// independently of our renderer.
import { cmyk, grayscale, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { maxCoverage } from '../../../src/preflight/inkCoverage.js';
import { preflight, type PreflightOptions, type Problem } from '../../../src/preflight/preflight.js';
import { tokenizeContent, PdfBytes, PdfName } from '../../../src/preflight/contentTokens.js';
import { fontPath } from '../../../src/fonts/fontRegistry.js';
import { PDFDocument as PdfKit } from '../../../src/render/pdfkitModule.js';
import { readFileSync } from 'node:fs';
import { pngImage as png } from '../../helpers/pngImage.js';

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const noInk: PreflightOptions['measureInk'] = () => [];

/** An A4 page on a sheet with 3 mm bleed and 10 mm for marks, drawn with pdf-lib and an embedded font. */
async function printPdf(draw: (page: import('pdf-lib').PDFPage, font: import('pdf-lib').PDFFont, doc: PDFDocument) => Promise<void> | void, opts: { boxes?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const o = 13 * MM;
  const page = doc.addPage([A4[0] + 2 * o, A4[1] + 2 * o]);
  if (opts.boxes !== false) {
    page.setTrimBox(o, o, A4[0], A4[1]);
    page.setBleedBox(o - 3 * MM, o - 3 * MM, A4[0] + 6 * MM, A4[1] + 6 * MM);
  }
  const fontkit = (await import('fontkit')).default ?? (await import('fontkit'));
  doc.registerFontkit(fontkit as never);
  // Whole font: pdf-lib's subsetting needs its own fontkit fork.
  const font = await doc.embedFont(readFileSync(fontPath('sans')), { subset: false });
  await draw(page, font, doc);
  return doc.save({ useObjectStreams: true });
}

const checks = (problems: Problem[]) => problems.map((p) => `${p.page ?? '-'} ${p.severity} ${p.check}`);

describe('preflight print', () => {
  const o = 13 * MM;

  it('passes a clean CMYK page with boxes, embedded fonts and 100 % K text', async () => {
    const pdf = await printPdf((page, font) => {
      page.drawRectangle({ x: o - 3 * MM, y: o + 500, width: A4[0] + 6 * MM, height: 100, color: cmyk(0.9, 0.35, 0.45, 0.3) });
      page.drawText('Black text on black ink alone', { x: o + 72, y: o + 300, size: 10, font, color: cmyk(0, 0, 0, 1) });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    expect(r.problems).toEqual([]);
    expect(r.errors).toBe(0);
  });

  it('finds a font that is not embedded', async () => {
    const pdf = await printPdf(async (page, _font, doc) => {
      page.drawText('Helvetica, from the reader', { x: o + 72, y: o + 300, size: 10, font: await doc.embedFont(StandardFonts.Helvetica), color: cmyk(0, 0, 0, 1) });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    expect(checks(r.problems)).toEqual(['1 error font-not-embedded']);
    expect(r.problems[0].message).toBe('font Helvetica is not embedded; another computer will substitute a font of its own');
  });

  it('finds RGB colour and says what painted it; finds RGB black text', async () => {
    const pdf = await printPdf((page, font) => {
      page.drawRectangle({ x: o + 50, y: o + 50, width: 100, height: 100, color: rgb(1, 0, 0) });
      page.drawText('RGB black', { x: o + 72, y: o + 300, size: 10, font, color: rgb(0, 0, 0) });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    expect(checks(r.problems)).toEqual(['1 error rgb-colour', '1 error black-text']);
    expect(r.problems[0].message).toMatch(/^RGB colour in a CMYK job \((fill, text|text, fill)\)/);
    expect(r.problems[1].message).toMatch(/^black text is not 100 % K: 1 piece of text in RGB 0, 0, 0/);
  });

  it('finds rich black text and text in a tint of black; grey 0 (K alone) passes', async () => {
    const pdf = await printPdf((page, font) => {
      page.drawText('Rich black', { x: o + 72, y: o + 300, size: 10, font, color: cmyk(0.75, 0.68, 0.67, 0.9) });
      page.drawText('Ninety per cent', { x: o + 72, y: o + 280, size: 10, font, color: cmyk(0, 0, 0, 0.9) });
      page.drawText('Grey black', { x: o + 72, y: o + 260, size: 10, font, color: grayscale(0) });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^black text is not 100 % K: 1 piece of text in C75 M68 Y67 K90/),
      expect.stringMatching(/^black text is not 100 % K: 1 piece of text in C0 M0 Y0 K90/),
    ]);
  });

  it('finds a spot colour (pdfkit Separation)', async () => {
    const doc = new PdfKit({ size: [A4[0], A4[1]], margin: 0, compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    (doc as unknown as { addSpotColor(n: string, c: number, m: number, y: number, k: number): void }).addSpotColor('PANTONE 3165 C', 90, 30, 40, 30);
    doc.rect(50, 50, 100, 100).fill('PANTONE 3165 C' as never);
    doc.end();
    await done;
    const r = await preflight(Buffer.concat(chunks), { profile: 'print', measureInk: noInk });
    expect(checks(r.problems)).toContain('1 error spot-colour');
    expect(r.problems.find((p) => p.check === 'spot-colour')!.message).toBe('spot colour "PANTONE 3165 C" in a CMYK job: it would need a plate of its own');
  });

  it('finds images under 300 ppi at their placed size (under 150 is an error) and RGB images', async () => {
    const pdf = await printPdf(async (page, _f, doc) => {
      // pdf-lib embeds every PNG as RGB.
      const low = await doc.embedPng(png(20, 20, true));
      page.drawImage(low, { x: o + 50, y: o + 50, width: 72, height: 72 });
      const mid = await doc.embedPng(png(200, 200, true));
      page.drawImage(mid, { x: o + 200, y: o + 50, width: 72, height: 72 });
      const fine = await doc.embedPng(png(300, 300, true));
      page.drawImage(fine, { x: o + 300, y: o + 50, width: 72, height: 72 });
      const colour = await doc.embedPng(png(400, 400));
      page.drawImage(colour, { x: o + 400, y: o + 50, width: 72, height: 72 });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    const res = r.problems.filter((p) => p.check === 'image-resolution');
    expect(res.map((p) => [p.severity, /is (\d+) ppi/.exec(p.message)?.[1]])).toEqual([['error', '20'], ['warning', '200']]);
    expect(res[0].message).toMatch(/^image \S+ is 20 ppi at its placed size \(25 × 25 mm\); print needs 300, and under 150 it looks blurred$/);
    expect(r.problems.find((p) => p.check === 'rgb-colour')?.message).toMatch(/^RGB colour in a CMYK job \((image Image-\d+(, )?)+\); the press converts it its own way$/);
  });

  it('finds missing and inconsistent boxes, and a short bleed', async () => {
    const none = await printPdf(() => {}, { boxes: false });
    expect(checks((await preflight(none, { profile: 'print', measureInk: noInk })).problems)).toEqual(['1 error boxes']);
    const bad = await printPdf((page) => {
      page.setBleedBox(o + 10, o + 10, 100, 100);
    });
    expect((await preflight(bad, { profile: 'print', measureInk: noInk })).problems.map((p) => p.message)).toEqual(['the TrimBox is not inside the BleedBox']);
    const short = await printPdf((page) => {
      page.setBleedBox(o - 1 * MM, o - 1 * MM, A4[0] + 2 * MM, A4[1] + 2 * MM);
    });
    expect((await preflight(short, { profile: 'print', measureInk: noInk })).problems.map((p) => p.message)).toEqual(['the bleed is 1.0 mm; print shops ask for 3 mm']);
  });

  it('finds text in the bleed (an error) and inside the safety margin (a warning), ignores a slug outside the bleed', async () => {
    const pdf = await printPdf((page, font) => {
      page.drawText('Crossing the trim at the left', { x: o - 5, y: o + 300, size: 10, font, color: cmyk(0, 0, 0, 1) });
      page.drawText('Two millimetres in', { x: o + 2 * MM, y: o + 400, size: 10, font, color: cmyk(0, 0, 0, 1) });
      page.drawText('slug line out in the marks', { x: o + 20, y: o - 8 * MM, size: 6, font, color: cmyk(1, 1, 1, 1) });
    });
    const r = await preflight(pdf, { profile: 'print', measureInk: noInk });
    expect(r.problems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      'error: 1 piece of text crosses the trim into the bleed and will be cut',
      'warning: 1 piece of text within 3 mm of the trim (the nearest 2.0 mm); a cut off the line may touch it',
    ]);
  });

  it('finds total ink over the limit with Ghostscript, inside the bleed box only', async () => {
    const pdf = await printPdf((page) => {
      page.drawRectangle({ x: o + 100, y: o + 100, width: 100, height: 100, color: cmyk(1, 1, 1, 1) });
      page.drawRectangle({ x: o + 300, y: o + 100, width: 100, height: 100, color: cmyk(0.6, 0.4, 0.4, 1) });
      // Registration marks outside the bleed do not count.
      page.drawRectangle({ x: 2, y: 2, width: 10, height: 10, color: cmyk(1, 1, 1, 1) });
    });
    const r = await preflight(pdf, { profile: 'print' });
    expect(r.problems.map((p) => `${p.page} ${p.severity}: ${p.message}`)).toEqual(['1 error: total ink reaches 400 % (the limit is 300 %); the ink may not dry and can set off onto the next sheet']);
    const lenient = await preflight(pdf, { profile: 'print', maxInk: 400 });
    expect(lenient.problems).toEqual([]);
    const pdf2 = await printPdf((page) => {
      page.drawRectangle({ x: o + 300, y: o + 100, width: 100, height: 100, color: cmyk(0.6, 0.4, 0.4, 1) });
    });
    expect((await preflight(pdf2, { profile: 'print' })).problems).toEqual([]);
  });

  it('says when ink coverage could not be measured, as a note', async () => {
    const pdf = await printPdf(() => {});
    const r = await preflight(pdf, { profile: 'print', measureInk: () => ({ skipped: 'Ghostscript (gs) is not installed, so total ink coverage was not measured' }) });
    expect(r.problems).toEqual([{ severity: 'note', check: 'ink-coverage', message: 'Ghostscript (gs) is not installed, so total ink coverage was not measured' }]);
    expect(r.errors).toBe(0);
  });
});

describe('preflight screen and email', () => {
  async function pdfkitDoc(draw: (doc: PDFKit.PDFDocument) => void, tagged: boolean): Promise<Buffer> {
    const doc = new PdfKit({ size: 'A4', margin: 0, compress: false, tagged, lang: 'en-GB', pdfVersion: '1.7', font: null } as unknown as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.registerFont('sans', readFileSync(fontPath('sans')));
    doc.font('sans');
    draw(doc);
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  it('finds an untagged file', async () => {
    const pdf = await pdfkitDoc((doc) => doc.text('Hello', 72, 72), false);
    const r = await preflight(pdf, { profile: 'screen' });
    expect(checks(r.problems)).toEqual(['- error untagged']);
  });

  it('finds untagged content in a tagged file, and a figure without Alt, on its page', async () => {
    const pdf = await pdfkitDoc((doc) => {
      const root = doc.struct('Document');
      doc.addStructure(root);
      const p = doc.struct('P', [() => doc.text('Tagged', 72, 72)] as never);
      root.add(p);
      const fig = doc.struct('Figure', [() => doc.rect(72, 200, 50, 50).fill('#336699')] as never);
      root.add(fig);
      // Drawn outside any marked content:
      doc.rect(300, 300, 10, 10).fill('#000000');
      root.end();
    }, true);
    const r = await preflight(pdf, { profile: 'screen' });
    expect(r.problems.map((p) => `${p.page} ${p.check}: ${p.message}`)).toEqual([
      '1 untagged: 1 painting operator outside tagged content or artifacts: a screen reader skips or jumbles them',
      '1 image-alt: a figure has no Alt text: a screen reader cannot say what it shows',
    ]);
  });

  it('email: finds a file over the size budget; screen does not mind', async () => {
    const pdf = await printPdf(() => {});
    const email = await preflight(pdf, { profile: 'email', emailBudget: 1000 });
    expect(email.problems.filter((p) => p.check === 'file-size').map((p) => p.message)).toEqual([expect.stringMatching(/^the file is \d\.\d MB, over the 0\.0 MB an email attachment should stay under/)]);
    const screen = await preflight(pdf, { profile: 'screen', emailBudget: 1000 });
    expect(screen.problems.some((p) => p.check === 'file-size')).toBe(false);
  });
});

describe('preflight pieces', () => {
  it('tokenizes operators, strings with escapes, hex strings, arrays, dicts and inline images', () => {
    const ops = tokenizeContent('q 1 0 0 1 5 5 cm /Span <</ActualText <FEFF0041>>> BDC [(a\\)b) -250 <0041>] TJ EMC BI /W 2 /H 1 /CS /G ID \x00EI\x01 EI Q % comment\n0 0 0 1 k');
    expect(ops.map((o) => o.op)).toEqual(['q', 'cm', 'BDC', 'TJ', 'EMC', 'BI', 'Q', 'k']);
    const tj = ops[3].args[0] as unknown[];
    expect((tj[0] as PdfBytes).bytes).toBe('a)b');
    expect(tj[1]).toBe(-250);
    expect((tj[2] as PdfBytes).bytes).toBe('\x00A');
    expect((ops[2].args[0] as PdfName).name).toBe('Span');
    expect(ops[5].inlineImage).toMatchObject({ W: 2, H: 1 });
    expect(ops[7].args).toEqual([0, 0, 0, 1]);
  });

  it('maxCoverage reads a CMYK PAM', () => {
    const head = Buffer.from('P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE CMYK\nENDHDR\n', 'latin1');
    expect(maxCoverage(Buffer.concat([head, Buffer.from([255, 0, 0, 0, 153, 102, 102, 255])]))).toBe(240);
  });
});
