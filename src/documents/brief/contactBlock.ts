// The closing page's contact details, from the config. Placeholders are labelled as such on
// the page, so a brief with stand-in details can never pass for a finished one.
import type { FlowContext } from '../../layout/flowBlocks.js';
import { styleOf } from '../../layout/flowBlocks.js';
import type { FlowBox } from '../../layout/flowTypes.js';
import type { PageItem, StructNode } from '../../layout/pageTypes.js';
import { qrModules } from '../../layout/qrCode.js';
import { textAt } from '../../layout/setText.js';
import type { ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { fillString } from '../fillString.js';
import type { BriefStrings } from './briefStrings.js';

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
    return { p, link: href ? ctx.sb.add(p, 'Link', { alt: fillString(strings.linkAlt, { href }) }) : undefined };
  });
  const note = c.placeholder ? ctx.sb.add(sect, 'P') : undefined;
  const qrNode = ctx.sb.add(sect, 'Figure', { alt: fillString(strings.qrAlt, { url: c.donate }) });
  const rowH = 17;
  const qrSize = 84;
  const height = 30 + rows.length * rowH + (c.placeholder ? 22 : 0) + 20;
  return {
    kind: 'box', height: Math.max(height, qrSize + 40), float: false, keepWithNext: false, notes: [], what: 'contact details',
    draw: (x, y) => {
      const within = 'contact details';
      const items: PageItem[] = [{ kind: 'rect', x, y, w: width, h: Math.max(height, qrSize + 40), fill: t.colors.accentSoft, radius: 4, container: within }];
      items.push({ ...textAt(fillString(strings.contactTitle, { organisation: doc.config.organisation.name }), { font: 'sans-bold', size: 12, color: t.colors.accent }, x + 16, y + 24, 'left', heading.id), within });
      rows.forEach(([label, value, href], i) => {
        const by = y + 46 + i * rowH;
        items.push({ ...textAt(label, { font: 'sans-semibold', size: 9.5, color: t.colors.muted }, x + 16, by, 'left', nodes[i].p.id), within });
        const v = { ...textAt(value, { ...style, font: 'sans', size: 10.5, color: href ? t.colors.accent : t.colors.text }, x + 80, by, 'left', nodes[i].link?.id ?? nodes[i].p.id), within };
        items.push(v);
        if (href) items.push({ kind: 'link', x: x + 80, y: by - 10, w: v.fragments[0].width, h: 14, href, struct: nodes[i].link!.id });
      });
      if (note) items.push({ ...textAt(strings.contactPlaceholder, { font: 'sans-italic', size: 8.5, color: t.colors.warm }, x + 16, y + 46 + rows.length * rowH + 6, 'left', note.id), within });
      items.push({ kind: 'qr', x: x + width - qrSize - 16, y: y + 20, size: qrSize, modules: qrModules(c.donate), color: t.colors.text, struct: qrNode.id, within });
      return items;
    },
  };
}
