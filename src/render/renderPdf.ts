// The render stage, the only one that touches pdfkit: walks laid-out pages and writes a
// tagged PDF. Content with a structure node is marked and attached to it; everything else is
// an artifact (running heads, page numbers, decoration).
import type { LaidOutDocument, OutlineEntry, Page, PageItem, StructNode } from '../layout/pageTypes.js';
import { drawChart } from './drawChart.js';
import { PDFDocument, type PDFDoc } from './pdfkitModule.js';
import { drawQr } from './drawQr.js';
import { drawTextItem } from './drawTextItem.js';
import { drawVector } from './drawVector.js';
import { escapeXmpInfo, lastAnnotation, pinObjrPages } from './pdfkitInternals.js';
import { pdfkitColor, SCREEN_PAINT, type PaintPolicy } from './paint.js';
import { beginFrame, beginPrintDocument, endFrame, overprintOperator, printInfo, type PrintRender } from './printRender.js';
import { unreachable } from '../unreachable.js';

type StructElem = PDFKit.PDFStructureElement;

/** Inline structure is attached when its first content is drawn, so text and links interleave in reading order. */
const INLINE = new Set(['Link', 'Span', 'Reference']);

export interface RenderOptions {
  /** Creation and modification date written into the PDF (fixed, for reproducible output). */
  date: Date;
  producer: string;
  /** The print edition (src/targets/printTarget.ts): sheets with boxes and marks, CMYK, PDF/X. */
  print?: PrintRender;
}

export function renderPdf(laid: LaidOutDocument, opts: RenderOptions): Promise<Buffer> {
  const info = laid.info;
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    // No default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: null,
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    // PDF/X-4 is based on PDF 1.6; nothing we write needs more.
    pdfVersion: opts.print ? '1.6' : '1.7',
    subset: 'PDF/UA',
    compress: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords.join(', '),
      Creator: 'report-generator',
      Producer: opts.producer,
      CreationDate: opts.date,
      ModDate: opts.date,
      ...(opts.print && printInfo(opts.print)),
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  escapeXmpInfo(doc);
  if (opts.print) beginPrintDocument(doc, opts.print, opts.date);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const elems = new Map<number, StructElem>();
  const attached = new Set<number>();
  const parents = new Map<number, StructNode>();
  const byId = new Map<number, StructNode>();
  const build = (n: StructNode): StructElem => {
    const e = doc.struct(n.type, { alt: n.alt, lang: n.lang, actual: n.actualText, title: n.title, scope: n.scope } as PDFKit.Mixins.StructureElementOptions);
    if (n.type === 'Link') pinObjrPages(e, (a) => annotationPage.get(a));
    elems.set(n.id, e);
    byId.set(n.id, n);
    for (const c of n.children) {
      parents.set(c.id, n);
      const ce = build(c);
      if (!INLINE.has(c.type)) {
        e.add(ce);
        attached.add(c.id);
      }
    }
    return e;
  };
  const root = build(laid.structure);
  doc.addStructure(root);
  attached.add(laid.structure.id);
  const attach = (id: number): StructElem => {
    const e = elems.get(id)!;
    if (!attached.has(id)) {
      const p = parents.get(id)!;
      attach(p.id).add(e);
      attached.add(id);
    }
    return e;
  };

  const outlineByDest = new Map<string, { entry: OutlineEntry; parent: OutlineEntry | null }>();
  const walkOutline = (es: OutlineEntry[], parent: OutlineEntry | null) => es.forEach((e) => {
    outlineByDest.set(e.dest, { entry: e, parent });
    walkOutline(e.children, e);
  });
  walkOutline(laid.outline, null);
  const outlineItems = new Map<OutlineEntry, PDFKit.PDFOutline>();

  const print = opts.print;
  const paint = print?.paint ?? SCREEN_PAINT;
  for (const [index, page] of laid.pages.entries()) {
    const frame = print?.frame(index, page);
    doc.addPage({ size: frame ? [frame.width, frame.height] : [page.width, page.height], margin: 0 });
    if (frame) beginFrame(doc, frame);
    const place = { x: frame?.offsetX ?? 0, y: frame?.offsetY ?? 0, printLinks: !print, paint };
    drawPage(doc, page, byId, attach, place, (name) => {
      const o = outlineByDest.get(name);
      if (!o) return;
      const parentItem = o.parent ? outlineItems.get(o.parent) : undefined;
      const item = (parentItem ?? doc.outline).addItem(o.entry.title, { expanded: o.entry.level === 1 });
      outlineItems.set(o.entry, item);
    });
    if (frame) {
      endFrame(doc);
      for (const it of frame.marks) {
        if (it.kind === 'dest' || it.kind === 'link') continue;
        // Production aids outside the document's content: artifacts of type Page.
        doc.markContent('Artifact', { type: 'Page' } as object);
        drawItem(doc, it, print!.marksPaint);
        doc.endMarkedContent();
      }
    }
  }
  root.end();
  doc.end();
  return done;
}

/** The page each link annotation was placed on (see pinObjrPages in pdfkitInternals.ts). */
const annotationPage = new WeakMap<object, object>();

/** Where the page sits on the PDF page (the print edition's sheet), and how it is painted. */
interface PagePlace {
  x: number;
  y: number;
  /** Link annotations print (pdfkit's default); the print edition clears the flag. */
  printLinks: boolean;
  paint: PaintPolicy;
}

function drawPage(doc: PDFDoc, page: Page, byId: Map<number, StructNode>, attach: (id: number) => StructElem, place: PagePlace, onDest: (name: string) => void): void {
  for (const it of page.items) {
    if (it.kind === 'dest') {
      // pdfkit writes destinations in page coordinates, whatever the transformation.
      doc.addNamedDestination(it.name, 'XYZ', place.x, it.y + place.y, null);
      onDest(it.name);
      continue;
    }
    if (it.kind === 'link') {
      const structParent = it.struct !== undefined ? attach(it.struct) : undefined;
      const alt = it.struct !== undefined ? byId.get(it.struct)?.alt : undefined;
      const extra = { structParent, Contents: new String(alt ?? it.href ?? it.dest ?? 'link'), ...(!place.printLinks && { F: 0 }) } as Record<string, unknown>;
      if (it.href) doc.link(it.x, it.y, it.w, it.h, it.href, extra);
      else if (it.dest) doc.goTo(it.x, it.y, it.w, it.h, it.dest, extra);
      const placed = lastAnnotation(doc);
      annotationPage.set(placed.annotation, placed.page);
      continue;
    }
    const node = it.struct !== undefined ? byId.get(it.struct) : undefined;
    if (node) {
      const content = doc.markStructureContent(node.type, node.lang ? { lang: node.lang } as object : {});
      attach(node.id).add(content);
    } else {
      doc.markContent('Artifact', { type: it.kind === 'text' ? 'Pagination' : 'Layout' } as object);
    }
    drawItem(doc, it, place.paint);
    doc.endMarkedContent();
  }
}

function drawItem(doc: PDFDoc, it: Exclude<PageItem, { kind: 'dest' } | { kind: 'link' }>, paint: PaintPolicy): void {
  switch (it.kind) {
    case 'text':
      drawTextItem(doc, it, paint);
      return;
    case 'rect': {
      const fill = it.fill ? paint.paint(it.fill, { role: 'fill', width: it.w, height: it.h }) : undefined;
      const stroke = it.stroke ? paint.paint(it.stroke, { role: 'stroke', width: it.lineWidth ?? 1 }) : undefined;
      doc.save();
      // Graphics state before the path: nothing but path operators may come between it and its paint.
      if ((fill ?? stroke)?.overprint) doc.addContent(overprintOperator(doc, true));
      if (it.radius) doc.roundedRect(it.x, it.y, it.w, it.h, it.radius);
      else doc.rect(it.x, it.y, it.w, it.h);
      if (fill && stroke) doc.lineWidth(it.lineWidth ?? 1).fillAndStroke(pdfkitColor(fill.color), pdfkitColor(stroke.color));
      else if (fill) doc.fill(pdfkitColor(fill.color));
      else if (stroke) doc.lineWidth(it.lineWidth ?? 1).stroke(pdfkitColor(stroke.color));
      doc.restore();
      return;
    }
    case 'line': {
      const stroke = paint.paint(it.color, { role: 'stroke', width: it.width });
      doc.save();
      if (stroke.overprint) doc.addContent(overprintOperator(doc, true));
      doc.moveTo(it.x1, it.y1).lineTo(it.x2, it.y2).lineWidth(it.width).stroke(pdfkitColor(stroke.color)).restore();
      return;
    }
    case 'chart':
      doc.save();
      drawChart(doc, it.chart, it.x, it.y, paint);
      doc.restore();
      return;
    case 'qr':
      drawQr(doc, it, paint);
      return;
    case 'image':
      doc.image(it.data, it.x, it.y, { width: it.w, height: it.h });
      return;
    case 'vector':
      drawVector(doc, it, paint);
      return;
    default:
      unreachable(it, 'page item');
  }
}
