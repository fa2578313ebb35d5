// The letterhead: the organisation's name and description on the left, its contact details
// on the right, an accent rule under both; from config.yaml and the template's colours.
// Stand-in contact details are labelled, as on the brief's closing page.
import type { FlowContext } from '../../layout/flowBlocks.js';
import type { Page, StructNode } from '../../layout/pageTypes.js';
import { fitText, textAt } from '../../layout/setText.js';
import { measureText } from '../../fonts/fontRegistry.js';
import type { ResolvedDocument } from '../../resolve/resolvedTypes.js';
import type { LetterOptions } from './letterKind.js';
import type { LetterStrings } from './letterStrings.js';
import { pictureItem } from '../../layout/pictureItem.js';

export function drawLetterhead(ctx: FlowContext, doc: ResolvedDocument, page: Page, parent: StructNode, area: { x: number; y: number; width: number; bottom: number }, strings: LetterStrings, options: LetterOptions): void {
  const t = ctx.template;
  const c = doc.config.contact;
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  const type = options.letterheadType;
  const lines = [c.website.replace(/^https?:\/\//, ''), c.email, c.phone, c.address].filter((x): x is string => !!x);
  const style = { font: 'sans' as const, size: type.contact, color: t.colors.muted };
  const contactRoom = area.width - area.width * 0.55 - 12;
  // The logo (config.yaml) at the top left, the name and description to its right. Without a
  // logo the name has the left 55 %; with one, all the room the contact lines leave.
  const logo = pictureItem(doc.config.logo, { x: area.x, y: area.y, w: area.width * 0.25, h: options.logoHeight }, { x: 'left', y: 'top' }, ctx.sb, parent);
  if (logo) page.items.push(logo);
  const x = logo ? logo.x + logo.w + 10 : area.x;
  const contactWidth = Math.min(contactRoom, Math.max(0, ...lines.map((l) => measureText(style.font, l, style.size))));
  const left = logo ? area.x + area.width - contactWidth - 16 - x : area.width * 0.55;
  const nameNode = ctx.sb.add(parent, 'P');
  const nameStyle = { font: 'sans-bold' as const, size: type.name, color: t.colors.accent };
  page.items.push(textAt(fitText(org, nameStyle, left), nameStyle, x, area.y + 20, 'left', nameNode.id));
  const full = doc.config.organisation.fullName;
  if (full) {
    const fullStyle = { font: 'sans' as const, size: type.description, color: t.colors.muted };
    page.items.push(textAt(fitText(full, fullStyle, left), fullStyle, x, area.y + 34, 'left', nameNode.id));
  }
  const right = area.x + area.width;
  const contactNode = ctx.sb.add(parent, 'P');
  lines.forEach((l, i) => page.items.push(textAt(fitText(l, style, contactRoom), style, right, area.y + 9 + i * 11, 'right', contactNode.id)));
  const ruleY = area.bottom - 6;
  page.items.push({ kind: 'rect', x: area.x, y: ruleY, w: area.width, h: 1.2, fill: t.colors.accent });
  page.items.push({ kind: 'rect', x: area.x, y: ruleY - 2.5, w: 36, h: 2.5, fill: t.colors.warm });
  if (c.placeholder) {
    const note = ctx.sb.add(parent, 'P');
    const s = { font: 'sans-italic' as const, size: 7.5, color: t.colors.warm };
    page.items.push(textAt(fitText(strings.placeholder, s, area.width), s, right, ruleY + 11, 'right', note.id));
  }
}
