// The handout's call to action: the author's heading and words, the donation address as a
// link, and a QR code for it drawn as vector squares.
import { flowBlocks, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowBox, FlowLine } from '../../layout/flowTypes.js';
import type { PageItem, StructNode, TextItem } from '../../layout/pageTypes.js';
import { qrModules } from '../../layout/qrCode.js';
import { wrappedTextAt } from '../../layout/setText.js';
import { drawLine } from '../../layout/textLines.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { fillString } from '../fillString.js';
import type { HandoutStrings } from './handoutStrings.js';

export function flowCta(ctx: FlowContext, doc: ResolvedDocument, cta: Extract<RBlock, { kind: 'cta' }>, parent: StructNode, width: number, strings: HandoutStrings): FlowBox {
  const t = ctx.template;
  const c = doc.config.contact;
  const qr = 78;
  const pad = 12;
  const sect = ctx.sb.add(parent, 'Sect');
  const saved = ctx.width;
  ctx.width = width - qr - 3 * pad;
  const inner = flowBlocks(ctx, cta.blocks, sect);
  ctx.width = saved;
  const textH = inner.reduce((h, it) => h + ('height' in it ? it.height : 0), 0);
  const linkP = ctx.sb.add(sect, 'P');
  const link = ctx.sb.add(linkP, 'Link', { alt: fillString(strings.donateAlt, { url: c.donate }) });
  const contactP = ctx.sb.add(sect, 'P');
  const noteP = c.placeholder ? ctx.sb.add(sect, 'P') : undefined;
  const qrNode = ctx.sb.add(sect, 'Figure', { alt: fillString(ctx.strings.qrAlt, { url: c.donate }) });
  // The donation address, website and email, and the placeholder note wrap in the text's
  // column, left of the QR code; each line after the first makes the box taller.
  const measure = width - qr - 3 * pad;
  const url = c.donate.replace(/^https?:\/\//, '');
  const urlStyle = { font: 'sans-bold' as const, size: 13, color: '#ffffff' };
  const urlLines = wrappedTextAt(url, urlStyle, 0, 0, 16, measure, link.id);
  const contact = wrappedTextAt(`${c.website.replace(/^https?:\/\//, '')} · ${c.email}`, { font: 'sans', size: 8.5, color: '#e6f0f0' }, 0, 0, 11, measure, contactP.id);
  const note = noteP ? wrappedTextAt(strings.placeholder, { font: 'sans-italic', size: 7, color: '#f3c9b5' }, 0, 0, 9, measure, noteP.id) : [];
  const urlExtra = (urlLines.length - 1) * 16;
  const contactExtra = (contact.length - 1) * 11;
  const extra = urlExtra + contactExtra + Math.max(0, note.length - 1) * 9;
  const height = Math.max(qr + 2 * pad, pad + textH + 40 + extra + (noteP ? 10 : 0) + pad);
  return {
    kind: 'box', height, float: false, keepWithNext: false, notes: [], what: 'call to action',
    draw: (x, y) => {
      const within = 'call to action';
      const items: PageItem[] = [{ kind: 'rect', x, y, w: width, h: height, fill: t.colors.accent, radius: 4, container: within }];
      let ly = y + pad - 2;
      for (const it of inner) {
        if (it.kind === 'line') {
          const white: FlowLine = { ...it, line: { ...it.line, fragments: it.line.fragments.map((f) => ({ ...f, style: { ...f.style, color: '#ffffff' } })) } };
          items.push(...drawLine(white, x + pad, ly).map((d) => (d.kind === 'dest' ? d : { ...d, within })));
        }
        if ('height' in it) ly += it.height;
      }
      const place = (it: TextItem, baseline: number): TextItem => ({ ...it, y: baseline + it.y, fragments: it.fragments.map((f) => ({ ...f, x: x + pad + f.x })), within });
      urlLines.forEach((l, k) => {
        const u = place(l, ly + 16);
        const w = u.fragments.length === 1 ? u.fragments[0].width : u.fragments[u.fragments.length - 1].x + u.fragments[u.fragments.length - 1].width - u.fragments[0].x;
        items.push(u, { kind: 'link', x: x + pad, y: ly + 3 + k * 16, w, h: 16, href: c.donate, struct: link.id });
      });
      for (const l of contact) items.push(place(l, ly + 30 + urlExtra));
      for (const l of note) items.push(place(l, ly + 40 + urlExtra + contactExtra));
      items.push({ kind: 'rect', x: x + width - qr - pad - 4, y: y + (height - qr) / 2 - 4, w: qr + 8, h: qr + 8, fill: '#ffffff', container: 'QR code background', within });
      items.push({ kind: 'qr', x: x + width - qr - pad, y: y + (height - qr) / 2, size: qr, modules: qrModules(c.donate), color: t.colors.text, struct: qrNode.id, within: 'QR code background' });
      return items;
    },
  };
}
