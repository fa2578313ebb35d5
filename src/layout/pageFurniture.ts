// Running headers, footers and page numbers: artifacts, never part of the reading order.
import type { Template } from '../load/templateTypes.js';
import type { PlacedHeading } from './paginate.js';
import type { PageBox } from './pageGeometry.js';
import type { Page } from './pageTypes.js';
import { fitText, textAt } from './setText.js';

export function addRunningHeads(pages: Page[], from: number, box: PageBox, t: Template, docTitle: string, headings: PlacedHeading[]): void {
  const run = t.type.running;
  const style = { font: run.font, size: run.size, color: t.colors.muted };
  let section = '';
  pages.forEach((page, i) => {
    const n = i + 1;
    const h1s = headings.filter((h) => h.page === page && h.level === 1);
    // The header names the section in force at the top of the page: the one carried over from
    // the pages before, or the one whose heading is the first thing on the page. A section that
    // starts lower down is named from the next page on.
    const current = h1s[0]?.atTop ? h1s[0].text : section;
    if (h1s.length) section = h1s[h1s.length - 1].text;
    if (i < from || page.label === null) return;
    const c = box.content(n);
    const headY = c.y - 12;
    const odd = n % 2 === 1;
    // Title and section share the line: each is cut with an ellipsis to half of it if longer.
    const half = c.width / 2 - 6;
    page.items.push(textAt(fitText(docTitle, style, half), style, odd ? c.x : c.x + c.width, headY, odd ? 'left' : 'right'));
    const sectionStyle = { ...style, font: 'sans-semibold' as const, color: t.colors.accent };
    if (current && current !== docTitle) page.items.push(textAt(fitText(current, sectionStyle, half), sectionStyle, odd ? c.x + c.width : c.x, headY, odd ? 'right' : 'left'));
    page.items.push({ kind: 'line', x1: c.x, y1: headY + 4, x2: c.x + c.width, y2: headY + 4, color: t.colors.rule, width: 0.5 });
    const footY = c.y + c.height + 22;
    page.items.push(textAt(page.label, { ...style, font: 'sans-semibold' }, odd ? c.x + c.width : c.x, footY, odd ? 'right' : 'left'));
  });
}
