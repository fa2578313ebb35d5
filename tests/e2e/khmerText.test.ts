// Khmer reads right: copied, searched and extracted in logical order, and set without gaps the
// source does not have. Shaped Khmer glyphs are in visual order (the coeng ro of ព្រះ is drawn
// before ព) and some stand for several characters or part of one, so no ToUnicode map can give
// the text back; each Khmer run carries it as marked-content ActualText instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineFragment } from '../../src/layout/lineTypes.js';
import { buildMarkdown, sampleStages, type BuiltMarkdown } from '../helpers/buildMarkdown.js';
import { checkPdfUa, scanContent } from '../helpers/pdfUaCheck.js';
import { readPdfText } from '../helpers/readPdf.js';

const KINGDOM = 'ព្រះរាជាណាចក្រកម្ពុជា';
// Khmer as it is written: phrases separated by spaces, the words inside a phrase not.
const SPACED = 'ព្រះរាជាណាចក្រកម្ពុជា ជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍ ដែលមានព្រំដែនជាប់ប្រទេសថៃ ឡាវ និងវៀតណាម ។ ' +
  'រាជធានីរបស់ប្រទេសនេះគឺភ្នំពេញ ។ ប្រជាជនភាគច្រើនជាជនជាតិខ្មែរ ហើយកាន់សាសនាព្រះពុទ្ធ ។ ' +
  'អង្គការរបស់យើងធ្វើការដើម្បីការពារកុមារពីការជួញដូរមនុស្ស និងការកេងប្រវ័ញ្ចផ្លូវភេទ ។ ' +
  'យើងធ្វើការជាមួយគ្រួសារ សហគមន៍ និងអាជ្ញាធរ ដើម្បីឲ្យកុមារគ្រប់រូបមានសុវត្ថិភាព ។';
const UNSPACED = SPACED.replace(/ /g, '');
const HEADING = 'ភ្នំពេញ';

const BODY = `# Phnom Penh (${HEADING})

Cambodia, a small South-East Asian nation, is bordered by Thailand and Vietnam. Its official name is the Kingdom of Cambodia (${KINGDOM}), and it is a constitutional monarchy with Buddhism as its official religion. Its capital is Phnom Penh (${HEADING}), and most of its people are Khmer (ជនជាតិខ្មែរ), heirs to an empire that flourished in the region many centuries ago.

${SPACED}

${UNSPACED}
`;

/** Every Khmer string the document's text should contain, in logical order. */
const KHMER_TEXTS = [KINGDOM, HEADING, 'ជនជាតិខ្មែរ', SPACED, UNSPACED];

const isKhmer = (s: string) => /[\u1780-\u17FF]/.test(s);
const noSpace = (s: string) => s.replace(/\s+/g, '');

let built: BuiltMarkdown;
let pdf: Buffer;
beforeAll(async () => {
  built = await buildMarkdown(sampleStages({ plain: true }), BODY);
  pdf = built.pdf!;
});

function pdftotext(data: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'khmer-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, data);
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.error) return null; // not installed
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describe('Khmer text', () => {
  it('extracts in logical order with pdftotext (poppler reads the ActualText)', () => {
    // Never skipped: .ci/run installs poppler-utils.
    expect(hasPdftotext, 'pdftotext (poppler-utils) must be installed').toBe(true);
    const text = pdftotext(pdf)!;
    expect(text).toContain(`Kingdom of Cambodia (${KINGDOM})`);
    expect(text).toContain(`Phnom Penh (${HEADING})`);
    // Line ends fall between Khmer words, so the paragraphs are compared without whitespace;
    // within each line, words and spaces are as in the source.
    const flat = noSpace(text);
    for (const k of KHMER_TEXTS) expect(flat).toContain(noSpace(k));
    const source = BODY.replace(/\s+/g, ' ');
    const khmerLines = text.split('\n').filter(isKhmer);
    expect(khmerLines.length).toBeGreaterThan(6);
    for (const line of khmerLines) {
      for (const run of line.match(/[\u1780-\u17FF]+(?: [\u1780-\u17FF]+)*/g)!) expect(source).toContain(run);
    }
  });

  it('carries the logical text of every Khmer glyph run as marked-content ActualText', async () => {
    const runs = await khmerRuns(pdf);
    expect(runs.length).toBeGreaterThan(10);
    // Every text operator in the Khmer font is inside a Span with ActualText…
    for (const r of runs) expect(r.span, `a ${r.op} in ${r.font} without ActualText`).not.toBeNull();
    // …and those texts, in content order, spell the source.
    const texts = [...new Set(runs.map((r) => r.span!))].map((s) => s.text).join('');
    for (const k of KHMER_TEXTS) expect(noSpace(texts)).toContain(noSpace(k));
    expect(texts).toContain(KINGDOM);
  });

  it('keeps the tagged structure valid, Khmer Spans with their language and text', async () => {
    const ua = await checkPdfUa(pdf);
    expect(ua.failures).toEqual([]);
    expect(ua.stats.mcids).toBeGreaterThan(10);
    // pdf.js reads the structure tree's ActualText (what it gives assistive technology).
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    const spans: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const walk = (n: { role?: string; alt?: string; lang?: string; children?: unknown[] }) => {
        if (n.role === 'Span' && n.alt && isKhmer(n.alt)) spans.push(n.alt);
        for (const c of n.children ?? []) walk(c as typeof n);
      };
      const tree = await (await doc.getPage(i)).getStructTree();
      if (tree) walk(tree as never);
    }
    await doc.destroy();
    const joined = noSpace(spans.join(''));
    for (const k of KHMER_TEXTS) expect(joined).toContain(noSpace(k));
  });

  it('pdf.js text content does not read marked-content ActualText yet (pdfjs-dist 5.6; mozilla/pdf.js#12237)', async () => {
    // pdf.js builds its text (and the viewer's text layer, so Firefox's copy and search) from
    // the glyphs' ToUnicode alone: Khmer comes out in visual order. When this test fails,
    // pdf.js has learnt ActualText: assert the logical text here instead.
    const { pages } = await readPdfText(pdf);
    const all = pages.join('\n');
    expect(all).toContain('Kingdom of Cambodia (');
    expect(noSpace(all)).not.toContain(KINGDOM);
  });

  it('sets Khmer words the source writes together with no gap between them', () => {
    let pairs = 0;
    const edges = new Map<string, { right: number; y: number }>();
    for (const page of built.laid.pages) {
      // Fragments of one baseline, in several text items (a Khmer Span is tagged apart); not
      // the running head and page number (artifacts).
      const lines = new Map<number, LineFragment[]>();
      for (const it of page.items) {
        if (it.kind === 'text' && it.struct !== undefined) lines.set(it.y, [...(lines.get(it.y) ?? []), ...it.fragments]);
      }
      for (const [y, frags] of lines) {
        frags.sort((a, b) => a.x - b.x);
        for (let k = 1; k < frags.length; k++) {
          const a = frags[k - 1], b = frags[k];
          if (/\s$/.test(a.text)) continue; // a space of the source lies between them
          const gap = b.x - (a.x + a.width);
          expect(Math.abs(gap), `"${a.text}" | "${b.text}"`).toBeLessThan(0.01);
          if (isKhmer(a.text) && isKhmer(b.text)) pairs++;
        }
        const text = frags.map((f) => f.text).join('');
        const last = frags[frags.length - 1];
        if (text.includes('Cambodia, a small')) edges.set('first', { right: last.x + last.width, y });
        if (text.includes(`(${KINGDOM})`)) edges.set('khmer', { right: last.x + last.width, y });
      }
    }
    expect(pairs).toBeGreaterThan(5);
    // The English line with the Khmer name is justified like the paragraph's first line: its
    // real spaces stretched, not its Khmer word breaks.
    const [first, khmer] = [edges.get('first')!, edges.get('khmer')!];
    expect(khmer.y).toBeGreaterThan(first.y);
    expect(khmer.right).toBeCloseTo(first.right, 2);
  });
});

interface KhmerRun {
  op: string;
  font: string;
  /** The innermost marked content with an ActualText around it, or null. */
  span: { text: string } | null;
}

/** Text operators drawn in a Khmer font, in content order, each with the ActualText around it. */
async function khmerRuns(data: Buffer): Promise<KhmerRun[]> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const ctx = doc.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const out: KhmerRun[] = [];
  for (const page of doc.getPages()) {
    const fonts = new Map<string, string>();
    const fontDict = look(page.node.Resources()?.get(PDFName.of('Font')));
    if (fontDict instanceof PDFDict) {
      for (const [name, ref] of fontDict.entries()) {
        const f = look(ref);
        const base = f instanceof PDFDict ? look(f.get(PDFName.of('BaseFont'))) : undefined;
        fonts.set(name.decodeText(), base ? base.toString() : '');
      }
    }
    const contents = look(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    const stack: ({ text: string } | null)[] = [];
    let font = '';
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      scanContent(decodePDFRawStream(s).decode(), (op, args) => {
        if (op === 'BDC' || op === 'BMC') {
          const props = args[1] as { m?: Map<string, unknown> } | undefined;
          const at = props?.m?.get('ActualText') as { raw: Uint8Array } | undefined;
          stack.push(at ? { text: pdfTextString(at.raw) } : null);
        } else if (op === 'EMC') stack.pop();
        else if (op === 'Tf') font = fonts.get(String((args[0] as { v: string }).v)) ?? '';
        else if ((op === 'Tj' || op === 'TJ') && /Khmer/.test(font)) {
          out.push({ op, font, span: [...stack].reverse().find((t) => t !== null) ?? null });
        }
      });
    }
  }
  return out;
}

/** A content-stream string operand (its raw bytes: hex digits of <…>, or a literal's bytes) as text. */
function pdfTextString(raw: Uint8Array): string {
  const s = Buffer.from(raw).toString('latin1');
  if (!/^[0-9A-Fa-f\s]*$/.test(s) || s.trim() === '') return s;
  const hex = s.replace(/\s+/g, '');
  const bytes = Buffer.from(hex, 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let t = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) t += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return t;
  }
  return bytes.toString('latin1');
}
