// The handout's call to action: the author's heading and words, the donation address as a
// link, and a QR code for it drawn as vector squares.
import { flowBlocks, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowBox, FlowLine } from '../../layout/flowTypes.js';
import type { PageItem, StructNode } from '../../layout/pageTypes.js';
import { qrModules } from '../../layout/qrCode.js';
import { textAt } from '../../layout/setText.js';
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
  const qrNode = ctx.sb.add(sect, 'Figure', { alt: fillString(strings.qrAlt, { url: c.donate }) });
  const height = Math.max(qr + 2 * pad, pad + textH + 40 + (noteP ? 10 : 0) + pad);
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
      const url = c.donate.replace(/^https?:\/\//, '');
      const u = { ...textAt(url, { font: 'sans-bold', size: 13, color: '#ffffff' }, x + pad, ly + 16, 'left', link.id), within };
      items.push(u, { kind: 'link', x: x + pad, y: ly + 3, w: u.fragments[0].width, h: 16, href: c.donate, struct: link.id });
      items.push({ ...textAt(`${c.website.replace(/^https?:\/\//, '')} · ${c.email}`, { font: 'sans', size: 8.5, color: '#e6f0f0' }, x + pad, ly + 30, 'left', contactP.id), within });
      if (noteP) items.push({ ...textAt(strings.placeholder, { font: 'sans-italic', size: 7, color: '#f3c9b5' }, x + pad, ly + 40, 'left', noteP.id), within });
      items.push({ kind: 'rect', x: x + width - qr - pad - 4, y: y + (height - qr) / 2 - 4, w: qr + 8, h: qr + 8, fill: '#ffffff', container: 'QR code background', within });
      items.push({ kind: 'qr', x: x + width - qr - pad, y: y + (height - qr) / 2, size: qr, modules: qrModules(c.donate), color: t.colors.text, struct: qrNode.id, within: 'QR code background' });
      return items;
    },
  };
}
