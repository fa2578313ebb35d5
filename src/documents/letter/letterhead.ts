// The letterhead: the organisation's name and description on the left, its contact details
// on the right, an accent rule under both; from config.yaml and the template's colours.
// Stand-in contact details are labelled, as on the brief's closing page.
import type { FlowContext } from '../../layout/flowBlocks.js';
import type { Page, StructNode } from '../../layout/pageTypes.js';
import { fitText, textAt } from '../../layout/setText.js';
import type { ResolvedDocument } from '../../resolve/resolvedTypes.js';
import type { LetterStrings } from './letterStrings.js';

export function drawLetterhead(ctx: FlowContext, doc: ResolvedDocument, page: Page, parent: StructNode, area: { x: number; y: number; width: number; bottom: number }, strings: LetterStrings): void {
  const t = ctx.template;
  const c = doc.config.contact;
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  const left = area.width * 0.55;
  const nameNode = ctx.sb.add(parent, 'P');
  page.items.push(textAt(fitText(org, { font: 'sans-bold', size: 22, color: t.colors.accent }, left), { font: 'sans-bold', size: 22, color: t.colors.accent }, area.x, area.y + 20, 'left', nameNode.id));
  const full = doc.config.organisation.fullName;
  if (full) {
    const style = { font: 'sans' as const, size: 9, color: t.colors.muted };
    page.items.push(textAt(fitText(full, style, left), style, area.x, area.y + 34, 'left', nameNode.id));
  }
  const lines = [c.website.replace(/^https?:\/\//, ''), c.email, c.phone, c.address].filter((x): x is string => !!x);
  const style = { font: 'sans' as const, size: 8.5, color: t.colors.muted };
  const right = area.x + area.width;
  const contactNode = ctx.sb.add(parent, 'P');
  lines.forEach((l, i) => page.items.push(textAt(fitText(l, style, area.width - left - 12), style, right, area.y + 9 + i * 11, 'right', contactNode.id)));
  const ruleY = area.bottom - 6;
  page.items.push({ kind: 'rect', x: area.x, y: ruleY, w: area.width, h: 1.2, fill: t.colors.accent });
  page.items.push({ kind: 'rect', x: area.x, y: ruleY - 2.5, w: 36, h: 2.5, fill: t.colors.warm });
  if (c.placeholder) {
    const note = ctx.sb.add(parent, 'P');
    const s = { font: 'sans-italic' as const, size: 7.5, color: t.colors.warm };
    page.items.push(textAt(fitText(strings.placeholder, s, area.width), s, right, ruleY + 11, 'right', note.id));
  }
}
