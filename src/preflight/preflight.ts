// `report preflight FILE.pdf`: checks any PDF for what a print shop (profile print), a screen
// reader (screen) or a mail server and its reader (email) need, and lists each problem with
// its page. Errors make the file unfit for the purpose; warnings are worth a look; notes say
// what could not be checked.
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { inkCoverage, type PageInk } from './inkCoverage.js';
import { PdfFile, type Box, type PdfPage } from './pdfFile.js';
import { scanPage, type PageScan, type PaintColor } from './scanContent.js';

import type { PreflightProfile } from './preflightProfiles.js';

export type { PreflightProfile };

export interface Problem {
  severity: 'error' | 'warning' | 'note';
  /** A short id of the check, e.g. "rgb-colour". */
  check: string;
  page?: number;
  message: string;
}

export interface PreflightOptions {
  profile: PreflightProfile;
  /** Highest total ink in per cent (print). */
  maxInk?: number;
  /** How far inside the trim text must stay, in mm (print). */
  safetyMm?: number;
  /** The largest file an email may carry, in bytes (email). */
  emailBudget?: number;
  /** Measures ink coverage; Ghostscript unless a test gives another. */
  measureInk?: (pdf: Uint8Array) => PageInk[] | { skipped: string };
}

export interface PreflightReport {
  profile: PreflightProfile;
  pages: number;
  bytes: number;
  problems: Problem[];
  errors: number;
  warnings: number;
}

export const DEFAULT_MAX_INK = 300;
export const DEFAULT_EMAIL_BUDGET = 2 * 1024 * 1024;
/** Below this an image prints visibly soft; below the warning level, fine print loses detail. */
const PPI_ERROR = 150;
const PPI_WARNING = 300;
const MM = 72 / 25.4;

export async function preflight(bytes: Uint8Array, o: PreflightOptions): Promise<PreflightReport> {
  const pdf = await PdfFile.load(bytes);
  const pages = pdf.pages();
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], check: string, message: string, page?: number) => problems.push({ severity, check, message, ...(page !== undefined && { page }) });

  const scans = new Map<number, PageScan>();
  for (const p of pages) {
    if (p.content === null) {
      add('warning', 'unreadable-content', 'the page content uses a filter preflight cannot decode; it was not checked', p.number);
      continue;
    }
    scans.set(p.number, scanPage(pdf, p.content, p.resources));
  }

  checkFonts(scans, add);
  if (o.profile === 'print') {
    checkBoxes(pages, add);
    for (const p of pages) {
      const s = scans.get(p.number);
      if (!s) continue;
      checkColours(p, s, add);
      checkBlackText(p, s, add);
      checkImages(p, s, add);
      checkPlacement(p, s, (o.safetyMm ?? 3) * MM, add);
    }
    const ink = (o.measureInk ?? inkCoverage)(bytes);
    const limit = o.maxInk ?? DEFAULT_MAX_INK;
    if ('skipped' in ink) add('note', 'ink-coverage', ink.skipped);
    else for (const p of ink) if (p.max > limit + 0.5) add('error', 'ink-coverage', `total ink reaches ${p.max.toFixed(0)} % (the limit is ${limit} %); the ink may not dry and can set off onto the next sheet`, p.page);
  } else {
    checkTagging(pdf, scans, add);
    checkAlt(pdf, pages, add);
    if (o.profile === 'email') {
      const budget = o.emailBudget ?? DEFAULT_EMAIL_BUDGET;
      if (bytes.length > budget) add('error', 'file-size', `the file is ${mb(bytes.length)}, over the ${mb(budget)} an email attachment should stay under; mail servers and phones may refuse or truncate it`);
    }
  }
  problems.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return {
    profile: o.profile,
    pages: pages.length,
    bytes: bytes.length,
    problems,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

type Add = (severity: Problem['severity'], check: string, message: string, page?: number) => void;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const pct = (v: number) => Math.round(v * 100);

function checkFonts(scans: Map<number, PageScan>, add: Add): void {
  const seen = new Set<string>();
  for (const [page, s] of scans) {
    for (const f of s.fonts.values()) {
      if (f.embedded || seen.has(f.name)) continue;
      seen.add(f.name);
      add('error', 'font-not-embedded', `font ${f.name} is not embedded; another computer will substitute a font of its own`, page);
    }
  }
}

function checkBoxes(pages: PdfPage[], add: Add): void {
  const inside = (a: Box, b: Box) => a[0] >= b[0] - 0.01 && a[1] >= b[1] - 0.01 && a[2] <= b[2] + 0.01 && a[3] <= b[3] + 0.01;
  const sizes = new Set<string>();
  for (const p of pages) {
    if (!p.trimBox) {
      add('error', 'boxes', 'the page has no TrimBox: the print shop cannot tell where to cut', p.number);
      continue;
    }
    sizes.add(`${(p.trimBox[2] - p.trimBox[0]).toFixed(1)}×${(p.trimBox[3] - p.trimBox[1]).toFixed(1)}`);
    if (!inside(p.trimBox, p.mediaBox)) add('error', 'boxes', 'the TrimBox reaches outside the MediaBox', p.number);
    if (!p.bleedBox) {
      add('warning', 'boxes', 'the page has no BleedBox: nothing may print to the trim edge', p.number);
      continue;
    }
    if (!inside(p.trimBox, p.bleedBox)) add('error', 'boxes', 'the TrimBox is not inside the BleedBox', p.number);
    if (!inside(p.bleedBox, p.mediaBox)) add('error', 'boxes', 'the BleedBox reaches outside the MediaBox', p.number);
    const bleed = Math.min(p.trimBox[0] - p.bleedBox[0], p.trimBox[1] - p.bleedBox[1], p.bleedBox[2] - p.trimBox[2], p.bleedBox[3] - p.trimBox[3]);
    if (bleed >= 0 && bleed < 3 * MM - 0.05) add('warning', 'boxes', `the bleed is ${(bleed / MM).toFixed(1)} mm; print shops ask for 3 mm`, p.number);
  }
  if (sizes.size > 1) add('warning', 'boxes', `the pages have different trim sizes (${[...sizes].join(', ')} pt)`);
}

function checkColours(p: PdfPage, s: PageScan, add: Add): void {
  for (const kind of ['rgb', 'lab'] as const) {
    const what = s.colors.get(kind);
    if (what?.size) add('error', 'rgb-colour', `${kind === 'rgb' ? 'RGB' : 'Lab'} colour in a CMYK job (${[...what].join(', ')}); the press converts it its own way`, p.number);
  }
  for (const n of s.spots) add('error', 'spot-colour', `spot colour "${n}" in a CMYK job: it would need a plate of its own`, p.number);
}

/** Dark text that is not black ink alone: rich black, a tint of black, RGB or grey black. */
function notPureBlack(c: PaintColor): string | null {
  const v = c.comps;
  if (c.kind === 'cmyk' && v.length === 4) {
    const [cy, m, y, k] = v;
    if (k >= 0.999 && cy + m + y <= 0.001) return null;
    if (k >= 0.85 || cy + m + y + k >= 2.5) return `C${pct(cy)} M${pct(m)} Y${pct(y)} K${pct(k)}`;
    return null;
  }
  if (c.kind === 'gray' && v.length === 1) return v[0] > 0.001 && v[0] <= 0.15 ? `grey ${pct(1 - v[0])} %` : null;
  if (c.kind === 'rgb' && v.length === 3) return Math.max(...v) <= 0.2 && !(v[0] === 1 && v[1] === 1 && v[2] === 1) ? `RGB ${v.map((x) => Math.round(x * 255)).join(', ')}` : null;
  return null;
}

function checkBlackText(p: PdfPage, s: PageScan, add: Add): void {
  const found = new Map<string, number>();
  for (const t of s.texts) {
    if (t.invisible || outsideBleed(p, t.box)) continue;
    const bad = notPureBlack(t.fill);
    if (bad) found.set(bad, (found.get(bad) ?? 0) + 1);
  }
  for (const [colour, n] of found) add('error', 'black-text', `black text is not 100 % K: ${n} piece${n === 1 ? '' : 's'} of text in ${colour}; small type in several inks or in a tint blurs on press`, p.number);
}

function checkImages(p: PdfPage, s: PageScan, add: Add): void {
  for (const img of s.images) {
    if (img.placedWidth < 1 || img.placedHeight < 1 || !img.width || !img.height) continue;
    const ppi = Math.min(img.width / (img.placedWidth / 72), img.height / (img.placedHeight / 72));
    const size = `${(img.placedWidth / MM).toFixed(0)} × ${(img.placedHeight / MM).toFixed(0)} mm`;
    if (ppi < PPI_ERROR) add('error', 'image-resolution', `image ${img.name} is ${ppi.toFixed(0)} ppi at its placed size (${size}); print needs ${PPI_WARNING}, and under ${PPI_ERROR} it looks blurred`, p.number);
    else if (ppi < PPI_WARNING - 0.5) add('warning', 'image-resolution', `image ${img.name} is ${ppi.toFixed(0)} ppi at its placed size (${size}); print needs ${PPI_WARNING}`, p.number);
  }
}

function outsideBleed(p: PdfPage, b: Box): boolean {
  const outer = p.bleedBox ?? p.trimBox;
  return !!outer && (b[2] <= outer[0] || b[0] >= outer[2] || b[3] <= outer[1] || b[1] >= outer[3]);
}

function checkPlacement(p: PdfPage, s: PageScan, safety: number, add: Add): void {
  const trim = p.trimBox;
  if (!trim) return;
  let inBleed = 0;
  let nearTrim = 0;
  let nearest = Infinity;
  for (const t of s.texts) {
    const b = t.box;
    // Slug lines and marks outside the bleed are cut away with it.
    if (t.invisible || outsideBleed(p, b) || b[2] - b[0] < 0.01) continue;
    const d = Math.min(b[0] - trim[0], b[1] - trim[1], trim[2] - b[2], trim[3] - b[3]);
    if (d < 0) inBleed++;
    else if (d < safety) {
      nearTrim++;
      nearest = Math.min(nearest, d);
    }
  }
  if (inBleed) add('error', 'content-in-bleed', `${inBleed} piece${inBleed === 1 ? '' : 's'} of text cross${inBleed === 1 ? 'es' : ''} the trim into the bleed and will be cut`, p.number);
  if (nearTrim) add('warning', 'safety-margin', `${nearTrim} piece${nearTrim === 1 ? '' : 's'} of text within ${(safety / MM).toFixed(0)} mm of the trim (the nearest ${(nearest / MM).toFixed(1)} mm); a cut off the line may touch ${nearTrim === 1 ? 'it' : 'them'}`, p.number);
}

function checkTagging(pdf: PdfFile, scans: Map<number, PageScan>, add: Add): void {
  const marked = pdf.bool(pdf.dict(pdf.catalog, 'MarkInfo'), 'Marked') === true;
  const tree = pdf.dict(pdf.catalog, 'StructTreeRoot');
  if (!marked || !tree) {
    add('error', 'untagged', 'the PDF is not tagged (no structure tree, or MarkInfo /Marked is not true): screen readers cannot follow it');
    return;
  }
  for (const [page, s] of scans) {
    if (s.untagged) add('error', 'untagged', `${s.untagged} painting operator${s.untagged === 1 ? '' : 's'} outside tagged content or artifacts: a screen reader skips or jumbles them`, page);
  }
}

function checkAlt(pdf: PdfFile, pages: PdfPage[], add: Add): void {
  const tree = pdf.dict(pdf.catalog, 'StructTreeRoot');
  if (!tree) return;
  const pageOf = new Map<string, number>();
  for (const p of pages) {
    const ref = pdf.doc.context.getObjectRef(p.node);
    if (ref) pageOf.set(ref.toString(), p.number);
  }
  const seen = new Set<PDFObject>();
  const visit = (o: PDFObject | undefined, depth: number, page: number | undefined) => {
    if (!o || depth > 200) return;
    const pg = o instanceof PDFDict ? o.get(PDFName.of('Pg')) : undefined;
    const here = pg instanceof PDFRef ? pageOf.get(pg.toString()) ?? page : page;
    const v = pdf.resolve(o);
    if (!v || seen.has(v)) return;
    seen.add(v);
    if (v instanceof PDFArray) {
      for (let i = 0; i < v.size(); i++) visit(v.get(i), depth + 1, here);
      return;
    }
    if (!(v instanceof PDFDict)) return;
    const vpg = v.get(PDFName.of('Pg'));
    const at = vpg instanceof PDFRef ? pageOf.get(vpg.toString()) ?? here : here;
    if (pdf.name(v, 'S') === 'Figure' && pdf.text(v, 'Alt') === undefined && pdf.text(v, 'ActualText') === undefined) {
      add('error', 'image-alt', 'a figure has no Alt text: a screen reader cannot say what it shows', at);
    }
    visit(v.get(PDFName.of('K')), depth + 1, at);
  };
  visit(tree.get(PDFName.of('K')), 0, undefined);
}
