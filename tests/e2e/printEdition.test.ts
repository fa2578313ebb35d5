// The print edition read back: page boxes to the hundredth of a point, bleed, CMYK only, black
// text on the black plate alone and overprinting, white never overprinting, PDF/X-4 output
// intent and identification, the structure of the screen edition kept, and Ghostscript's own
// separations and ink coverage.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { InputError, InputErrors } from '../../src/errors.js';
import { noteKind } from '../fixtures/kinds/note/noteKind.js';
import { cmykIccProfile } from '../helpers/cmykIccProfile.js';
import { pageContents, rgbOperators, shownText } from '../helpers/pdfContent.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { OTHER_ORG_ROOT } from '../helpers/paths.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { preflight } from '../../src/preflight/preflight.js';
import { printProject, setPrintTemplate } from '../helpers/printProject.js';
import { inked, separations } from '../helpers/separations.js';
import { pngImage } from '../helpers/pngImage.js';
import { mkdirSync } from 'node:fs';

const MM = 72 / 25.4;
const round = (b: { x: number; y: number; width: number; height: number }) => [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 100) / 100);
const errorLines = (e: unknown): string[] => (e instanceof InputErrors ? e.errors.map((x) => x.message) : e instanceof InputError ? [e.message] : [String(e)]);

let sample: BuildResult;
let sampleRoot: string;
beforeAll(async () => {
  sampleRoot = printProject({ print: ['strict: true'], cmyk: true, profile: true });
  sample = await buildProject({ root: sampleRoot, dryRun: true, print: { impose: 'booklet', creepMm: 0.5 } });
});

const edition = (name: string) => {
  const d = sample.documents.find((x) => x.name === name)!;
  expect(d.print, `${name} has a print edition`).toBeDefined();
  return { screen: d.pdf, print: d.print!.pdf };
};

describe('print edition boxes', () => {
  for (const name of ['brief', 'handout']) {
    it(`${name}: every page has TrimBox A4 (595.28 × 841.89), BleedBox 3 mm larger each side, MediaBox around both`, async () => {
      const doc = await PDFDocument.load(edition(name).print);
      const screen = await PDFDocument.load(edition(name).screen);
      expect(doc.getPageCount()).toBe(screen.getPageCount());
      for (const p of doc.getPages()) {
        const trim = round(p.getTrimBox());
        const bleed = round(p.getBleedBox());
        const media = round(p.getMediaBox());
        expect(trim.slice(2)).toEqual([595.28, 841.89]);
        const b = Math.round(3 * MM * 100) / 100;
        expect(bleed[0]).toBeCloseTo(trim[0] - b, 1);
        expect(bleed[1]).toBeCloseTo(trim[1] - b, 1);
        expect(bleed[2]).toBeCloseTo(595.28 + 2 * b, 1);
        expect(bleed[3]).toBeCloseTo(841.89 + 2 * b, 1);
        // Marks: room outside the bleed.
        expect(media[0]).toBe(0);
        expect(bleed[0]).toBeGreaterThan(20);
        expect(media[2]).toBeCloseTo(bleed[2] + 2 * bleed[0], 1);
      }
    });
  }

  it('the cover band bleeds: ink at the top-left corner of the bleed box, none at the bottom-left', () => {
    const plates = separations(edition('brief').print, { page: 1, dpi: 36, box: 'BleedBox' });
    const cyan = plates.get('Cyan')!;
    expect(cyan.ink[0]).toBeGreaterThan(200);
    expect(cyan.ink[cyan.width - 1]).toBeGreaterThan(200);
    expect(cyan.ink[(cyan.height - 1) * cyan.width]).toBe(0);
  });
});

describe('print edition colour', () => {
  for (const name of ['brief', 'handout']) {
    it(`${name}: strict mode leaves no RGB colour operator in any content stream, and no DeviceRGB anywhere`, async () => {
      const { print, screen } = edition(name);
      const pages = await pageContents(print);
      const rgb = pages.flatMap((p, i) => rgbOperators(p.ops).map((o) => `page ${i + 1}: ${o.args.join(' ')} ${o.op}`));
      expect(rgb).toEqual([]);
      expect(print.includes('/DeviceRGB')).toBe(false);
      // The same check finds the screen edition's RGB: it is not vacuous.
      const screenRgb = (await pageContents(screen)).flatMap((p) => rgbOperators(p.ops));
      expect(screenRgb.length).toBeGreaterThan(20);
    });

    it(`${name}: black text is 100 % K alone and overprints; white text never overprints`, async () => {
      const texts = (await pageContents(edition(name).print)).flatMap((p) => shownText(p));
      expect(texts.length).toBeGreaterThan(50);
      expect(texts.every((t) => t.space === 'cmyk' && t.fill.length === 4), JSON.stringify(texts.find((t) => t.space !== 'cmyk'))).toBe(true);
      const black = texts.filter((t) => t.fill[3] === 1 && t.fill[0] + t.fill[1] + t.fill[2] === 0);
      const white = texts.filter((t) => t.fill.every((v) => v === 0));
      expect(black.length).toBeGreaterThan(30);
      expect(black.every((t) => t.overprint)).toBe(true);
      expect(white.length).toBeGreaterThan(0);
      expect(white.some((t) => t.overprint)).toBe(false);
      // No dark text in four inks (except the slug, in registration colour outside the trim).
      const richDark = texts.filter((t) => t.fill[3] >= 0.7 && t.fill[0] + t.fill[1] + t.fill[2] > 0 && !t.fill.every((v) => v === 1));
      expect(richDark).toEqual([]);
    });
  }

  it('the text writer sets black text with "0 0 0 1 k"', async () => {
    const ops = (await pageContents(edition('brief').print))[2].ops;
    expect(ops.some((o) => o.op === 'k' && o.args.join(' ') === '0 0 0 1')).toBe(true);
  });

  it('Ghostscript separations: black text is on the black plate alone (text only, inside the trim)', () => {
    const plates = separations(edition('handout').print, { page: 1, dpi: 72, box: 'TrimBox', textOnly: true });
    const [c, m, y, k] = ['Cyan', 'Magenta', 'Yellow', 'Black'].map((n) => plates.get(n)!);
    let solidBlack = 0;
    let withColour = 0;
    for (let i = 0; i < k.ink.length; i++) {
      if (k.ink[i] < 250) continue;
      solidBlack++;
      if (c.ink[i] || m.ink[i] || y.ink[i]) withColour++;
    }
    expect(solidBlack).toBeGreaterThan(5000);
    expect(withColour).toBe(0);
    // The coloured headings are on the colour plates: the check could fail.
    expect(inked(c)).toBeGreaterThan(100);
  });

  it('Ghostscript inkcov: every page stays within 300 % total ink', () => {
    for (const name of ['brief', 'handout']) {
      const out = execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=inkcov', '-dUseTrimBox', '-o', '-', '-'], { input: edition(name).print }).toString();
      const pages = out.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number));
      expect(pages.length).toBe(sample.documents.find((d) => d.name === name)!.pages);
      for (const p of pages) {
        expect(p.every((v) => Number.isFinite(v))).toBe(true);
        expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('PDF/X-4 and what the screen edition had', () => {
  it('with a profile: an output intent with the ICC profile, GTS_PDFXVersion in XMP and Info, Trapped False, PDF 1.6', async () => {
    const { print } = edition('brief');
    expect(print.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
    const doc = await PDFDocument.load(print, { updateMetadata: false });
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('4');
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(cmykIccProfile())).toBe(true);
    const cond = intent.lookup(PDFName.of('OutputConditionIdentifier'));
    expect(cond instanceof PDFString || cond instanceof PDFHexString ? cond.decodeText() : '').toBe('report-generator test CMYK (not a press)');
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    const val = (k: string) => doc.context.lookup(info.get(PDFName.of(k)));
    expect((val('GTS_PDFXVersion') as PDFString).decodeText()).toBe('PDF/X-4');
    expect(val('Trapped')).toBe(PDFName.of('False'));
    const xmp = Buffer.from(decodePDFRawStream(doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).decode()).toString('utf8');
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // Every page has a TrimBox (PDF/X) and no annotation prints.
    for (const p of doc.getPages()) {
      expect(p.node.get(PDFName.of('TrimBox'))).toBeDefined();
      const annots = p.node.Annots();
      for (let i = 0; annots && i < annots.size(); i++) expect(annots.lookup(i, PDFDict).get(PDFName.of('F'))?.toString()).toBe('0');
    }
  });

  it('the generated test profile is a working CMYK output profile: Ghostscript (lcms2) converts with it', () => {
    // The screen brief's RGB cover band, converted to CMYK through the test profile and through
    // Ghostscript's default one: ours replaces grey by black (high K, little magenta).
    const band = (profile?: string) => {
      const args = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', '-r10', '-dFirstPage=1', '-dLastPage=1', ...(profile ? [`-sOutputICCProfile=${profile}`] : []), '-o', '-', '-'];
      const pam = execFileSync('gs', args, { input: edition('brief').screen });
      const start = pam.indexOf('ENDHDR\n') + 7;
      const width = Number(/WIDTH (\d+)/.exec(pam.toString('latin1', 0, start))![1]);
      const at = start + (10 * width + Math.round(width / 2)) * 4;
      return [...pam.subarray(at, at + 4)].map((v) => Math.round((v / 255) * 100));
    };
    const ours = band(join(sampleRoot, 'print/test-cmyk.icc'));
    const theirs = band();
    expect(ours[3]).toBeGreaterThan(45);
    expect(ours[1]).toBeLessThan(20);
    expect(theirs[3]).toBeLessThan(40);
  });

  for (const name of ['brief', 'handout']) {
    it(`${name}: the structure, language, title and outline of the screen edition are kept (PDF/UA checks pass)`, async () => {
      const { print, screen } = edition(name);
      const [p, s] = await Promise.all([checkPdfUa(print), checkPdfUa(screen)]);
      if (p.failures.length) console.log(`${name} print edition PDF/UA failures:\n  ${p.failures.join('\n  ')}`);
      expect(p.failures).toEqual([]);
      expect(p.stats.structElems).toBe(s.stats.structElems);
      expect(p.stats.mcids).toBe(s.stats.mcids);
      expect(p.stats.annots).toBe(s.stats.annots);
      const [pd, sd] = await Promise.all([PDFDocument.load(print), PDFDocument.load(screen)]);
      expect(pd.getTitle()).toBe(sd.getTitle());
      expect(pd.catalog.get(PDFName.of('Lang'))?.toString()).toBe(sd.catalog.get(PDFName.of('Lang'))?.toString());
      expect(pd.catalog.get(PDFName.of('Outlines')) !== undefined).toBe(sd.catalog.get(PDFName.of('Outlines')) !== undefined);
    });
  }

  it('qpdf finds no structural problem in either print edition', () => {
    for (const name of ['brief', 'handout']) {
      const file = join(sampleRoot, `${name}-print.pdf`);
      writeFileSync(file, edition(name).print);
      const out = execFileSync('qpdf', ['--check', file]).toString();
      expect(out).toContain('No syntax or stream encoding errors');
    }
  });
});

describe('imposed with the build', () => {
  it('--impose booklet: the brief\'s 11 pages on 3 A3 sheets (6 sides), the cover on the right of side 1, the output intent kept', async () => {
    const d = sample.documents.find((x) => x.name === 'brief')!;
    const f = d.print!.files.find((x) => x.path.endsWith('print/brief-booklet.pdf'))!;
    expect(d.pages).toBe(11);
    expect(f.pages).toBe(6);
    const doc = await PDFDocument.load(f.data, { updateMetadata: false });
    expect(doc.getPages().map((p) => round(p.getMediaBox()).slice(2))).toEqual(new Array(6).fill([1190.55, 841.89]));
    expect(doc.catalog.get(PDFName.of('OutputIntents'))).toBeDefined();
    // The cover band (accent, cyan ink) on the right half of side 1, the blank page 12 on its left.
    const cyan = separations(f.data, { page: 1, dpi: 20 }).get('Cyan')!;
    const row = Math.round(cyan.height * 0.1) * cyan.width;
    expect(cyan.ink[row + Math.round(cyan.width * 0.75)]).toBeGreaterThan(200);
    expect(cyan.ink[row + Math.round(cyan.width * 0.25)]).toBe(0);
    // Still CMYK only, black text on K, fonts embedded (preflight enters the pages' Form XObjects).
    const pf = await preflight(f.data, { profile: 'print' });
    expect(pf.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('report preflight on our own PDFs', () => {
  for (const name of ['brief', 'handout']) {
    it(`${name}: the print edition passes preflight for print (Ghostscript measuring ink) and for screen; the screen edition fails for print`, async () => {
      const { print, screen } = edition(name);
      const p = await preflight(print, { profile: 'print' });
      expect(p.problems).toEqual([]);
      expect((await preflight(print, { profile: 'screen' })).problems).toEqual([]);
      const s = await preflight(screen, { profile: 'print' });
      const checks = new Set(s.problems.map((x) => x.check));
      expect([...checks].sort()).toEqual(['black-text', 'boxes', 'rgb-colour']);
      expect(s.problems.filter((x) => x.check === 'rgb-colour').length).toBe(p.pages);
      expect((await preflight(screen, { profile: 'email' })).problems).toEqual([]);
    });
  }

  it('the shipped CLI: one line per problem with its page, exit 1 on errors, 0 when fit, 2 for a file that is no PDF; --json', () => {
    const dir = sampleRoot;
    writeFileSync(join(dir, 'screen.pdf'), edition('handout').screen);
    writeFileSync(join(dir, 'print.pdf'), edition('handout').print);
    writeFileSync(join(dir, 'not.pdf'), 'hello');
    const bad = runShippedCli(['preflight', 'screen.pdf'], { cwd: dir });
    expect(bad.status).toBe(1);
    const lines = bad.stdout.trim().split('\n');
    expect(lines).toContain('screen.pdf: page 1: error: the page has no TrimBox: the print shop cannot tell where to cut [boxes]');
    expect(lines.at(-1)).toMatch(/^screen\.pdf: preflight print: 2 pages, \d+ errors, 0 warnings — not ready for print$/);
    const good = runShippedCli(['preflight', 'print.pdf', '--profile', 'print'], { cwd: dir });
    expect(good.stdout.trim()).toBe('print.pdf: preflight print: 2 pages, 0 errors, 0 warnings — ready for print');
    expect(good.status).toBe(0);
    const json = runShippedCli(['preflight', 'screen.pdf', '--json', '--profile', 'screen'], { cwd: dir });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ file: 'screen.pdf', profile: 'screen', pages: 2, errors: 0, problems: [] });
    const notPdf = runShippedCli(['preflight', 'not.pdf'], { cwd: dir });
    expect(notPdf.status).toBe(2);
    expect(notPdf.stderr).toMatch(/^not\.pdf: not a PDF preflight can read/);
    const usage = runShippedCli(['preflight', 'print.pdf', '--profile', 'web'], { cwd: dir });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--profile must be print, screen, email, not "web"');
  });
});

describe('other settings and bad input', () => {
  it('US Letter, marks: none, no profile: Letter trim, the sheet is the bleed box, RGB colours converted with warnings, not PDF/X', async () => {
    const dir = printProject({ from: OTHER_ORG_ROOT, print: ['marks: none', 'bleedMm: 5'], cmyk: false, profile: false });
    const r = await buildProject({ root: dir, only: ['handout'], dryRun: true, print: {} });
    const d = r.documents[0];
    expect(d.print!.pdfx).toBeNull();
    const doc = await PDFDocument.load(d.print!.pdf, { updateMetadata: false });
    for (const p of doc.getPages()) {
      expect(round(p.getTrimBox()).slice(2)).toEqual([612, 792]);
      expect(round(p.getMediaBox())).toEqual(round(p.getBleedBox()));
      expect(p.getTrimBox().x).toBeCloseTo(5 * MM, 2);
    }
    expect(doc.catalog.get(PDFName.of('OutputIntents'))).toBeUndefined();
    expect(r.warnings.some((w) => /^templates\/handout\.yaml:\d+:\d+: print\.profile is not set/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /^templates\/handout\.yaml:\d+:\d+: colors\.accent "#[0-9a-f]{6}" has no CMYK value; the print edition converts it by formula to C\d+ M\d+ Y\d+ K\d+/.test(w)), r.warnings.join('\n')).toBe(true);
    // Converted, still no RGB operator.
    const rgb = (await pageContents(d.print!.pdf)).flatMap((p) => rgbOperators(p.ops));
    expect(rgb).toEqual([]);
  });

  it('strict mode refuses colours given only in RGB, each error at its template line; nothing is written', async () => {
    const dir = noteProject(['strict: true'], false);
    const e = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], print: {} }).then(() => null, (x: unknown) => x);
    const lines = errorLines(e);
    expect(lines).toContain('templates/note.yaml:9:9: colors.text "#1f2328" is given only in RGB, and print.strict refuses to convert it — give it as text: { rgb: "#1f2328", cmyk: [c, m, y, k] }, the values your designer or print shop chose');
    expect(lines.filter((l) => l.includes('is given only in RGB'))).toHaveLength(6);
  });

  it('a missing or non-CMYK profile is a located error', async () => {
    const dir = noteProject(['profile: print/nosuch.icc'], true);
    const e1 = errorLines(await buildProject({ root: dir, only: ['note'], kinds: [noteKind], print: {} }).then(() => null, (x: unknown) => x));
    expect(e1).toEqual([expect.stringMatching(/^templates\/note\.yaml:\d+:\d+: print\.profile print\/nosuch\.icc cannot be read \(no such file\?\) — give the CMYK output profile/)]);
    const rgbProfile = cmykIccProfile();
    rgbProfile.write('RGB ', 16, 'latin1');
    writeFileSync(join(dir, 'rgb.icc'), rgbProfile);
    writeFileSync(join(dir, 'templates/note.yaml'), readFileSync(join(dir, 'templates/note.yaml'), 'utf8').replace('profile: print/nosuch.icc', 'profile: rgb.icc'));
    const e2 = errorLines(await buildProject({ root: dir, only: ['note'], kinds: [noteKind], print: {} }).then(() => null, (x: unknown) => x));
    expect(e2[0]).toMatch(/print\.profile rgb\.icc describes RGB colour, not CMYK/);
  });

  it('an RGB image: an error in strict mode, located; otherwise a warning, and the file is not called PDF/X', async () => {
    const dir = noteProject(['strict: true'], true, '![A flat grey-green test picture](images/picture.png)');
    mkdirSync(join(dir, 'content/images'), { recursive: true });
    writeFileSync(join(dir, 'content/images/picture.png'), pngImage(300, 200));
    const e = errorLines(await buildProject({ root: dir, only: ['note'], kinds: [noteKind], print: {} }).then(() => null, (x: unknown) => x));
    expect(e).toEqual(['content/note.md: page 1: the image "A flat grey-green test picture" is RGB, and print.strict takes only CMYK or grey images — save it as CMYK (or greyscale) JPEG for print, converted with your print shop\'s profile']);
    const t = join(dir, 'templates/note.yaml');
    mkdirSync(join(dir, 'print'), { recursive: true });
    writeFileSync(join(dir, 'print/test-cmyk.icc'), cmykIccProfile());
    writeFileSync(t, readFileSync(t, 'utf8').replace('strict: true', 'strict: false\n  profile: print/test-cmyk.icc'));
    const r = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], dryRun: true, print: {} });
    expect(r.warnings).toContain('content/note.md: page 1: the image "A flat grey-green test picture" is RGB; it stays RGB in the print edition, which is then not PDF/X — save it as CMYK (or greyscale) JPEG for print, converted with your print shop\'s profile');
    expect(r.warnings).toContain('content/note.md: the print edition is not PDF/X-4 because it places RGB images (see above)');
    expect(r.documents[0].print!.pdfx).toBeNull();
    // A grey image is fine.
    writeFileSync(join(dir, 'content/images/picture.png'), pngImage(300, 200, true));
    const g = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], dryRun: true, print: {} });
    expect(g.warnings.filter((w) => w.includes('image'))).toEqual([]);
    expect(g.documents[0].print!.pdfx).toBe('report-generator test CMYK (not a press)');
  });

  it('text inside the safety margin is a warning naming document, page, text and distance', async () => {
    const dir = noteProject(['safetyMm: 12'], true);
    const t = join(dir, 'templates/note.yaml');
    writeFileSync(t, readFileSync(t, 'utf8').replace(/marginsMm: .*/, 'marginsMm: { top: 30, bottom: 25, inner: 10, outer: 10 }'));
    const r = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], dryRun: true, print: {} });
    const w = r.warnings.filter((x) => x.includes('safety margin'));
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]).toMatch(/^content\/note\.md: page 1: text ".+" is 10\.0 mm from the trim \((left|right) edge\), inside the 12\.0 mm safety margin; the cut may touch it — move it further in, or lower print\.safetyMm in templates\/note\.yaml$/);
  });
});

/** The toy note kind's scratch project (see documentKinds.test.ts), with a print block. */
function noteProject(print: string[], cmyk: boolean, extra = ''): string {
  const dir = printProject({ print: [], cmyk: false, profile: false, templates: [] });
  copyFileSync(join(import.meta.dirname, '../fixtures/kinds/note/note.yaml'), join(dir, 'templates/note.yaml'));
  setPrintTemplate(join(dir, 'templates/note.yaml'), { print, cmyk, profile: false });
  writeFileSync(join(dir, 'content/note.md'), `---\ntitle: Thank you\ndate: 2026-11-30\nlanguage: en-GB\ntemplate: note\n---\n\nDear friend,\n\nThank you for standing with children and families.\n\n${extra}\n`);
  const config = join(dir, 'content/config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').trimEnd() + '\n  note: { source: note.md, kind: note }\n');
  return dir;
}
