// The closing page's contact details, from the config. Placeholders are labelled as such on
// the page, so a brief with stand-in details can never pass for a finished one. Text beside
// the QR code ends before it; anything too long for its line (a long address, a donation
// URL) wraps, and the block grows to hold it.
import type { FlowContext } from '../../layout/flowBlocks.js';
import { styleOf } from '../../layout/flowBlocks.js';
import type { FlowBox } from '../../layout/flowTypes.js';
import type { PageItem, StructNode } from '../../layout/pageTypes.js';
import { qrModules } from '../../layout/qrCode.js';
import { textAt, textWidth, wrappedTextAt } from '../../layout/setText.js';
import type { TextStyle } from '../../layout/textStyle.js';
import { lineMetrics } from '../../fonts/fontRegistry.js';
import type { ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { fillString } from '../fillString.js';
import type { BriefStrings } from './briefStrings.js';

const PAD = 16;
const QR_SIZE = 84;
const QR_TOP = 20;
/** Space kept between text and the QR code. */
const QR_GAP = 12;
const ROW_H = 17;
/** Leading of a wrapped value's further lines. */
const VALUE_LEAD = 13;

export function contactBlock(ctx: FlowContext, doc: ResolvedDocument, parent: StructNode, width: number, strings: BriefStrings): FlowBox {
  const t = ctx.template;
  const c = doc.config.contact;
  const { style } = styleOf(ctx, 'body');
  const rows: [string, string, string | undefined][] = [
    [strings.contactGive, c.donate, c.donate],
    [strings.contactWebsite, c.website, c.website],
    [strings.contactEmail, c.email, `mailto:${c.email}`],
  ];
  if (c.phone) rows.push([strings.contactPhone, c.phone, undefined]);
  if (c.address) rows.push([strings.contactAddress, c.address, undefined]);
  const sect = ctx.sb.add(parent, 'Sect');
  const heading = ctx.sb.add(sect, 'H2');
  const nodes = rows.map(([, , href]) => {
    const p = ctx.sb.add(sect, 'P');
    return { p, link: href ? ctx.sb.add(p, 'Link', { alt: fillString(ctx.strings.linkAlt, { href }) }) : undefined };
  });
  const note = c.placeholder ? ctx.sb.add(sect, 'P') : undefined;
  const qrNode = ctx.sb.add(sect, 'Figure', { alt: fillString(ctx.strings.qrAlt, { url: c.donate }) });

  // Everything is set relative to the block's top left corner, then moved into place by draw.
  const qrLeft = width - QR_SIZE - PAD;
  const items: PageItem[] = [];
  /** The right end of a line of `s` on `baseline`: before the QR code when beside it. */
  const measureFrom = (left: number, s: TextStyle) => (baseline: number) => {
    const m = lineMetrics(s.font, s.size);
    const beside = baseline - m.ascent < QR_TOP + QR_SIZE + QR_GAP && baseline + m.descent > QR_TOP - QR_GAP;
    return (beside ? qrLeft - QR_GAP : width - PAD) - left;
  };
  const labelStyle: TextStyle = { font: 'sans-semibold', size: 9.5, color: t.colors.muted };
  const valueX = Math.max(80, PAD + Math.max(...rows.map(([label]) => textWidth(label, labelStyle))) + 12);

  const headingStyle: TextStyle = { font: 'sans-bold', size: 12, color: t.colors.accent };
  const head = wrappedTextAt(fillString(strings.contactTitle, { organisation: doc.config.organisation.name }), headingStyle, PAD, 24, 15, measureFrom(PAD, headingStyle), heading.id);
  items.push(...head);
  let cursor = 46 + (head.length - 1) * 15;
  rows.forEach(([label, value, href], i) => {
    items.push(textAt(label, labelStyle, PAD, cursor, 'left', nodes[i].p.id));
    const valueStyle: TextStyle = { ...style, font: 'sans', size: 10.5, color: href ? t.colors.accent : t.colors.text };
    const lines = wrappedTextAt(value, valueStyle, valueX, cursor, VALUE_LEAD, measureFrom(valueX, valueStyle), nodes[i].link?.id ?? nodes[i].p.id);
    for (const v of lines) {
      items.push(v);
      const first = v.fragments[0];
      const last = v.fragments[v.fragments.length - 1];
      const w = v.fragments.length === 1 ? first.width : last.x + last.width - first.x;
      if (href) items.push({ kind: 'link', x: valueX, y: v.y - 10, w, h: 14, href, struct: nodes[i].link!.id });
    }
    cursor += ROW_H + (lines.length - 1) * VALUE_LEAD;
  });
  let bottom = cursor + 4;
  if (note) {
    const noteStyle: TextStyle = { font: 'sans-italic', size: 8.5, color: t.colors.warm };
    const lines = wrappedTextAt(strings.contactPlaceholder, noteStyle, PAD, cursor + 6, 11, measureFrom(PAD, noteStyle), note.id);
    items.push(...lines);
    bottom = cursor + 6 + (lines.length - 1) * 11 + 20;
  }
  items.push({ kind: 'qr', x: qrLeft, y: QR_TOP, size: QR_SIZE, modules: qrModules(c.donate), color: t.colors.text, struct: qrNode.id });
  const height = Math.max(bottom, QR_SIZE + 40);
  const within = 'contact details';
  return {
    kind: 'box', height, float: false, keepWithNext: false, notes: [], what: 'contact details',
    draw: (x, y) => [
      { kind: 'rect', x, y, w: width, h: height, fill: t.colors.accentSoft, radius: 4, container: within },
      ...items.map((it) => moved(it, x, y, within)),
    ],
  };
}

function moved(it: PageItem, x: number, y: number, within: string): PageItem {
  switch (it.kind) {
    case 'text':
      return { ...it, y: y + it.y, fragments: it.fragments.map((f) => ({ ...f, x: x + f.x })), within };
    case 'link':
    case 'qr':
      return { ...it, x: x + it.x, y: y + it.y, within };
    default:
      throw new Error(`contact block: no ${it.kind} items`);
  }
}
