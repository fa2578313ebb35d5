// An SVG logo (load/readSvg.ts) drawn as vectors: each shape's path data through pdfkit's
// doc.path, under the drawing's own transforms, the viewBox fitted into the item's box with
// its proportions kept and centred, like SVG's default preserveAspectRatio (xMidYMid meet).
import type { VectorItem } from '../layout/pageTypes.js';
import { pdfkitColor, SCREEN_PAINT, type PaintPolicy } from './paint.js';
import type { PDFDoc } from './pdfkitModule.js';
import { overprintOperator } from './printRender.js';

export function drawVector(doc: PDFDoc, it: VectorItem, paint: PaintPolicy = SCREEN_PAINT): void {
  const [vx, vy, vw, vh] = it.drawing.viewBox;
  const s = Math.min(it.w / vw, it.h / vh);
  const ox = it.x + (it.w - vw * s) / 2 - vx * s;
  const oy = it.y + (it.h - vh * s) / 2 - vy * s;
  doc.save();
  // Nothing of the drawing shows outside its viewBox, as in SVG.
  doc.rect(it.x, it.y, it.w, it.h).clip();
  doc.transform(s, 0, 0, s, ox, oy);
  for (const sh of it.drawing.shapes) {
    if (!sh.fill && !sh.stroke) continue;
    doc.save();
    doc.transform(...sh.matrix);
    const fill = sh.fill ? paint.paint(sh.fill, { role: 'fill', width: it.w, height: it.h }) : undefined;
    const stroke = sh.stroke ? paint.paint(sh.stroke, { role: 'stroke', width: sh.strokeWidth * s }) : undefined;
    if ((fill ?? stroke)?.overprint) doc.addContent(overprintOperator(doc, true));
    if (fill) doc.fillColor(pdfkitColor(fill.color), sh.fillOpacity);
    if (stroke) doc.strokeColor(pdfkitColor(stroke.color), sh.strokeOpacity).lineWidth(sh.strokeWidth).lineCap(sh.lineCap).lineJoin(sh.lineJoin);
    // pdfkit 0.20 takes a dash array; @types/pdfkit still types one length.
    if (stroke && sh.dash) doc.dash(sh.dash as unknown as number, {});
    doc.path(sh.d);
    const rule = sh.fillRule === 'evenodd' ? 'even-odd' : 'non-zero';
    if (fill && stroke) doc.fillAndStroke(rule);
    else if (fill) doc.fill(rule);
    else doc.stroke();
    doc.restore();
  }
  doc.restore();
}
