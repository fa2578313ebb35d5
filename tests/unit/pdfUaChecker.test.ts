// The PDF/UA-1 machine checker itself (tests/helpers/pdfUaCheck.ts): deliberately broken PDFs
// written straight with pdfkit must fail with the specific check, and good ones pass. The
// built documents are checked in tests/e2e/pdfUa.test.ts.
import { describe, expect, it } from 'vitest';
import { getFont } from '../../src/fonts/fontRegistry.js';
import { PDFDocument, type PDFDoc } from '../../src/render/pdfkitModule.js';
import { checkPdfUa, scanContent } from '../helpers/pdfUaCheck.js';

// ---------------------------------------------------------------------------------------------
// Hand-made PDFs

interface MakeOptions {
  tagged?: boolean;
  title?: string;
  /** Use pdfkit's built-in (standard-14, not embedded) Helvetica instead of an embedded font. */
  standardFont?: boolean;
}

/** A tagged, PDF/UA-flavoured pdfkit document; `draw` fills it, the result is the PDF bytes. */
function makePdf(draw: (doc: PDFDoc, root: PDFKit.PDFStructureElement | undefined) => void, opts: MakeOptions = {}): Promise<Buffer> {
  const tagged = opts.tagged ?? true;
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    tagged,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    compress: true,
    info: { Title: opts.title ?? 'Checker test', CreationDate: new Date(0), ModDate: new Date(0) },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (!opts.standardFont) {
    doc.registerFont('x', getFont('sans').font as unknown as string);
    doc.font('x');
  }
  doc.addPage({ size: [300, 300], margin: 0 });
  doc.fontSize(12);
  const root = tagged ? doc.struct('Document') : undefined;
  if (root) doc.addStructure(root);
  draw(doc, root);
  root?.end();
  doc.end();
  return done;
}

/** Draws `text` as tagged content of a new `type` element under `parent`. */
function tagged(doc: PDFDoc, parent: PDFKit.PDFStructureElement, type: string, text: string, y: number, opts: object = {}): PDFKit.PDFStructureElement {
  const el = doc.struct(type, opts as PDFKit.Mixins.StructureElementOptions);
  parent.add(el);
  const content = doc.markStructureContent(type);
  doc.text(text, 20, y, { lineBreak: false });
  doc.endMarkedContent();
  el.add(content);
  return el;
}

const checks = (failures: string[]) => failures.map((f) => f.slice(0, f.indexOf(':')));

describe('hand-made PDFs', () => {
  it('a minimal good document passes (so the failures below are caused by the breakage alone)', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      tagged(doc, root!, 'P', 'Body text.', 50);
      const fig = doc.struct('Figure', { alt: 'A red square' } as PDFKit.Mixins.StructureElementOptions);
      root!.add(fig);
      const c = doc.markStructureContent('Figure');
      doc.rect(20, 80, 40, 40).fill('#c00');
      doc.endMarkedContent();
      fig.add(c);
      const link = doc.struct('Link');
      root!.add(link);
      const lc = doc.markStructureContent('Link');
      doc.text('example.org', 20, 140, { lineBreak: false });
      doc.endMarkedContent();
      link.add(lc);
      doc.link(20, 140, 80, 14, 'https://example.org', { structParent: link, Contents: new String('example.org') } as never);
      doc.markContent('Artifact', { type: 'Pagination' } as object);
      doc.text('1', 280, 280, { lineBreak: false });
      doc.endMarkedContent();
    });
    const res = await checkPdfUa(pdf);
    expect(res.failures).toEqual([]);
  });

  it('catches a Figure without Alt', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      const fig = doc.struct('Figure');
      root!.add(fig);
      const c = doc.markStructureContent('Figure');
      doc.rect(20, 80, 40, 40).fill('#c00');
      doc.endMarkedContent();
      fig.add(c);
    });
    const res = await checkPdfUa(pdf);
    expect(res.ok).toBe(false);
    expect(checks(res.failures)).toEqual(['figure-alt']);
    expect(res.failures[0]).toMatch(/^figure-alt: Figure element without \/Alt \(object \d+\)/);
  });

  it('catches an untagged paragraph (text outside any marked content)', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      doc.text('This paragraph is not tagged at all.', 20, 50, { lineBreak: false });
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['content-untagged']);
    expect(res.failures[0]).toMatch(/page 1 has 1 text\/path\/image operator\(s\).*TJ ×1/);
  });

  it('catches a skipped heading level (H1 then H3)', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      const sect = doc.struct('Sect');
      root!.add(sect);
      tagged(doc, sect, 'H3', 'Too deep', 50);
      tagged(doc, sect, 'P', 'Text.', 80);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['heading-skip']);
    expect(res.failures[0]).toMatch(/H1 \(object \d+\) is followed by H3/);
  });

  it('catches a link annotation without structParent', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      tagged(doc, root!, 'P', 'example.org', 50);
      doc.link(20, 50, 80, 14, 'https://example.org', { Contents: new String('example.org') } as never);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['link-structparent']);
  });

  it('catches a link with a javascript: URI and no Contents', async () => {
    const pdf = await makePdf((doc, root) => {
      const link = doc.struct('Link');
      root!.add(link);
      const lc = doc.markStructureContent('Link');
      doc.text('click', 20, 20, { lineBreak: false });
      doc.endMarkedContent();
      link.add(lc);
      doc.link(20, 20, 80, 14, 'javascript:alert(1)', { structParent: link } as never);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures).sort()).toEqual(['link-contents', 'link-uri']);
  });

  it('catches a Link element without a link annotation', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'Link', 'example.org', 20);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['link-objr']);
  });

  it('catches an OBJR whose /Pg is not the page the annotation is on (what pdfkit writes when the tree is flushed on a later page)', async () => {
    const pdf = await makePdf((doc, root) => {
      const link = doc.struct('Link');
      root!.add(link);
      const lc = doc.markStructureContent('Link');
      doc.text('example.org', 20, 20, { lineBreak: false });
      doc.endMarkedContent();
      link.add(lc);
      doc.link(20, 20, 80, 14, 'https://example.org', { structParent: link, Contents: new String('example.org') } as never);
      doc.addPage({ size: [300, 300], margin: 0 });
      tagged(doc, root!, 'P', 'Second page.', 20);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['objr-page']);
    expect(res.failures[0]).toMatch(/says page 2, but the annotation \(object \d+\) is on page 1/);
  });

  it('catches marked content whose MCID no structure element claims', async () => {
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      doc.markStructureContent('P');
      doc.text('Orphan paragraph.', 20, 50, { lineBreak: false });
      doc.endMarkedContent();
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures).sort()).toEqual(['mcid-orphan', 'parent-tree']);
  });

  it('catches an Artifact nested inside tagged content', async () => {
    const pdf = await makePdf((doc, root) => {
      const p = doc.struct('P');
      root!.add(p);
      const c = doc.markStructureContent('P');
      doc.text('Text', 20, 20, { lineBreak: false });
      // Raw operators: pdfkit's markContent('Artifact') would first close the open tagged sequence.
      doc.addContent('/Artifact BMC');
      doc.rect(20, 40, 100, 1).fill('#000');
      doc.addContent('EMC');
      doc.endMarkedContent();
      p.add(c);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures)).toEqual(['content-nesting']);
    expect(res.failures[0]).toMatch(/Artifact sequence\(s\) inside tagged content/);
  });

  it('catches a document that is not tagged (no MarkInfo, no StructTreeRoot)', async () => {
    const pdf = await makePdf(
      (doc) => {
        doc.text('Plain text.', 20, 20, { lineBreak: false });
      },
      { tagged: false },
    );
    const res = await checkPdfUa(pdf);
    const c = checks(res.failures);
    expect(c).toContain('markinfo');
    expect(c).toContain('struct-root');
    expect(c).toContain('content-untagged');
    expect(res.failures.find((f) => f.startsWith('markinfo:'))).toMatch(/no \/MarkInfo/);
  });

  it('catches a non-embedded standard-14 font', async () => {
    const pdf = await makePdf(
      (doc, root) => {
        tagged(doc, root!, 'H1', 'Title', 20);
      },
      { standardFont: true },
    );
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures).sort()).toEqual(['font-embedded', 'font-tounicode']);
    expect(res.failures.find((f) => f.startsWith('font-embedded'))).toMatch(/Helvetica.*standard-14/);
  });

  it('catches TH without Scope and a TD outside a TR', async () => {
    const pdf = await makePdf((doc, root) => {
      const table = doc.struct('Table');
      root!.add(table);
      const tr = doc.struct('TR');
      table.add(tr);
      tagged(doc, tr, 'TH', 'Head', 20);
      tagged(doc, tr, 'TH', 'Head 2', 40, { scope: 'Column' });
      tagged(doc, table, 'TD', 'Stray cell', 60);
    });
    const res = await checkPdfUa(pdf);
    expect(checks(res.failures).sort()).toEqual(['struct-nesting', 'struct-nesting', 'th-scope']);
  });

  it('catches malformed XMP when the title contains &, < and quotes (raw pdfkit does not escape XMP)', async () => {
    const title = `Tom & Jerry <"quoted"> and 'single'`;
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
    }, { title });
    const res = await checkPdfUa(pdf);
    // pdfkit 0.20 writes Info values into the XMP packet verbatim, so the packet is not XML.
    expect(res.ok).toBe(false);
    expect(checks(res.failures)).toContain('xmp-wellformed');
    expect(res.failures.some((f) => /raw '&'/.test(f))).toBe(true);
  });

  it('accepts the same title once it is escaped in the XMP and compares it unescaped with Info /Title', async () => {
    const title = `Tom & Jerry <"quoted"> and 'single'`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
    const pdf = await makePdf((doc, root) => {
      tagged(doc, root!, 'H1', 'Title', 20);
      // What a fixed renderer would do: escape the values only while pdfkit writes the XMP.
      const d = doc as unknown as { _addInfo(): void; info: Record<string, unknown> };
      const addInfo = d._addInfo.bind(d);
      d._addInfo = () => {
        const saved = d.info;
        d.info = Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, typeof v === 'string' ? esc(v) : v]));
        try {
          addInfo();
        } finally {
          d.info = saved;
        }
      };
    }, { title });
    const res = await checkPdfUa(pdf);
    expect(res.failures).toEqual([]);
  });
});

describe('content-stream scanner', () => {
  it('skips strings, hex strings, dictionaries, comments and inline image data', () => {
    const src = [
      '/P <</MCID 0 /ActualText (a \\) b (nested) Tj) /X [1 2 <</Y (z)>>]>> BDC',
      'BT (text with \\( and \\) EMC (nested Tj) inside) Tj [(a) -20 <414243> (b)] TJ ET % comment Tj EMC',
      'EMC',
      'BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EMC Tj\xff EI',
      '/Artifact BMC 0 0 m 1 1 l S EMC',
    ].join('\n');
    const ops: string[] = [];
    scanContent(new Uint8Array(Buffer.from(src, 'latin1')), (op) => ops.push(op));
    expect(ops).toEqual(['BDC', 'BT', 'Tj', 'TJ', 'ET', 'EMC', 'EI', 'BMC', 'm', 'l', 'S', 'EMC']);
  });
});
