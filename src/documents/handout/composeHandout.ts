// Composes the one-sheet handout: a title band, key-figure callouts, the text in balanced
// columns, and a call to action with the donation URL and a vector QR code. It must fit one
// sheet (front, optionally back); if not, it is copy-fitted within the template's bounds or
// the build fails saying by how much it overflows.
import { InputError } from '../../errors.js';
import { documentContext } from '../../layout/documentContext.js';
import { documentInfo } from '../../layout/documentInfo.js';
import { flowBlocks, styleOf } from '../../layout/flowBlocks.js';
import type { FlowBox, FlowItem } from '../../layout/flowTypes.js';
import { buildOutline } from '../../layout/outline.js';
import { newPage, pageBox, textBlockFrame, type PageBox } from '../../layout/pageGeometry.js';
import type { LaidOutDocument, Page, PageItem } from '../../layout/pageTypes.js';
import { emptyStats, paginate, type Frame, type PaginateResult } from '../../layout/paginate.js';
import { fitText, textAt, textBlock } from '../../layout/setText.js';
import { breakRuns, placeFragments } from '../../layout/textLines.js';
import { lineMetrics, measureText } from '../../fonts/fontRegistry.js';
import { sourcesSection } from '../../layout/sourcesSection.js';
import { MM, columnWidth, type Template } from '../../load/templateTypes.js';
import { pictureItem } from '../../layout/pictureItem.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { fillString } from '../fillString.js';
import { flowCallouts } from './flowCallouts.js';
import { flowCta } from './flowCta.js';
import type { HandoutOptions } from './handoutKind.js';
import type { HandoutStrings } from './handoutStrings.js';

/** How far the title band reaches below its text's lowest descent (or the logo's foot). */
const BAND_PAD = 1.5;

export interface HandoutResult {
  doc: LaidOutDocument;
  /** The type scale used: 1 unless copy-fitting shrank the text to make it fit. */
  scale: number;
}

export function composeHandout(doc: ResolvedDocument, t: Template, options: HandoutOptions, paper: 'a4' | 'letter', strings: HandoutStrings): HandoutResult {
  const box = pageBox(t, paper);
  let first: ReturnType<typeof attempt> | undefined;
  const minScale = 1 - options.copyFitMax;
  for (let scale = 1; scale >= minScale - 1e-9; scale = Math.round((scale - 0.01) * 100) / 100) {
    const a = attempt(doc, t, options, box, scale, strings);
    first ??= a;
    if (!a.overflow) return { doc: a.doc, scale };
  }
  const o = first!.overflow!;
  const lines = Math.ceil(o.height / t.type.body.leading);
  throw new InputError({ file: doc.file }, `the handout does not fit on one sheet: ${(o.height / MM).toFixed(0)} mm (about ${lines} lines) too long, from ${o.what} on`,
    options.copyFitMax > 0 ? `shorten the text; copy-fitting down to ${Math.round(minScale * 100)}% was not enough` : `shorten the text or allow copy-fitting with copyFitMax in ${t.file}`);
}

function attempt(doc: ResolvedDocument, t: Template, options: HandoutOptions, box: PageBox, scale: number, strings: HandoutStrings): { doc: LaidOutDocument; overflow: PaginateResult['overflow'] } {
  const content = box.content(1);
  const ctx = documentContext(doc, t, columnWidth(t, content.width), scale, content.height);
  const root = ctx.sb.root;
  const front: PageItem[] = [];
  // The title band: title and subtitle on the left, the organisation on the right, each in a
  // column of its own, the logo under the organisation; the band grows to hold them (at least
  // band.minHeight high). Its geometry is the template's (band.* keys, handoutKind.ts).
  const g = options.band;
  const within = 'title band';
  const inBand: PageItem[] = [];
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  const orgStyle = { font: 'sans-bold' as const, size: g.organisationSize, color: g.organisationColor };
  const orgW = Math.min(measureText(orgStyle.font, org, orgStyle.size), content.width * g.organisationShare);
  const titleW = Math.min(content.width * g.titleShare, content.width - orgW - 16);
  const titleNode = ctx.sb.add(root, 'P');
  const title = textBlock(doc.meta.title, { font: 'sans-bold', size: g.titleSize, color: g.titleColor }, g.titleLeading, content.x, g.titleTop, titleW, titleNode.id);
  inBand.push(...title.items);
  if (doc.meta.subtitle) {
    const sub = ctx.sb.add(root, 'P');
    inBand.push(...textBlock(doc.meta.subtitle, { font: 'sans', size: g.subtitleSize, color: g.subtitleColor }, g.subtitleLeading, content.x, g.titleTop + title.height + 4, titleW, sub.id).items);
  }
  const orgNode = ctx.sb.add(root, 'P');
  let orgLines = 1;
  if (measureText(orgStyle.font, org, orgStyle.size) <= orgW) inBand.push(textAt(org, orgStyle, content.x + content.width, g.organisationBaseline, 'right', orgNode.id));
  else {
    const lines = breakRuns([{ text: org, style: orgStyle }], { measure: orgW, align: 'right', hyphenateLang: null });
    orgLines = lines.length;
    lines.forEach((l, k) => inBand.push({ kind: 'text', y: g.organisationBaseline + k * 15, fragments: placeFragments(l, content.x + content.width - orgW), struct: orgNode.id }));
  }
  // The logo (config.yaml), right-aligned under the organisation's name.
  const logoTop = g.organisationBaseline + (orgLines - 1) * 15 + lineMetrics(orgStyle.font, orgStyle.size).descent + 4;
  const logo = pictureItem(doc.config.logo, { x: content.x + titleW + 16, y: logoTop, w: content.width - titleW - 16, h: g.logoHeight }, { x: 'right', y: 'top' }, ctx.sb, root, within);
  const bandH = Math.max(g.minHeight, ...inBand.map((it) => (it.kind === 'text' ? it.y + Math.max(...it.fragments.map((f) => lineMetrics(f.style.font, f.style.size).descent)) + BAND_PAD : 0)), logo ? logo.y + logo.h + BAND_PAD + 4 : 0);
  if (logo) inBand.push(logo);
  front.push({ kind: 'rect', x: 0, y: 0, w: box.width, h: bandH, fill: t.colors.accent, container: within }, ...inBand.map((it) => ({ ...it, within })));

  const callouts = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'callout' }> => b.kind === 'callout');
  const calloutBox = callouts.length ? flowCallouts(ctx, callouts, root, content.width) : null;
  let top = bandH + g.gapBelow;
  if (calloutBox) {
    front.push(...calloutBox.draw(content.x, top));
    top += calloutBox.height + 12;
  }
  const bodyBlocks = doc.blocks.filter((b) => b.kind !== 'callout' && b.kind !== 'cta');
  const items: FlowItem[] = [
    ...flowBlocks(ctx, bodyBlocks, root),
    ...sourcesSection(ctx, doc, { level: 1, title: ctx.strings.sourcesTitle, intro: strings.sourcesIntro }),
  ];
  const cta = doc.blocks.find((b): b is Extract<RBlock, { kind: 'cta' }> => b.kind === 'cta');
  const ctaBox: FlowBox | null = cta ? flowCta(ctx, doc, cta, root, content.width, strings) : null;
  // What no shrinking of the text can make room for.
  const mm = (x: number) => `${Math.max(1, Math.ceil(x / MM))} mm`;
  if (top > content.y + content.height) {
    throw new InputError({ file: doc.file }, `the key figures (callouts) are ${mm(top - content.y - content.height)} taller than the front page`, 'shorten their labels or use fewer callouts');
  }
  if (ctaBox && ctaBox.height > content.height) {
    throw new InputError({ file: doc.file }, `the call to action (::: cta) is ${mm(ctaBox.height - content.height)} taller than the page`, 'shorten its text');
  }

  // Try the front alone first, then front and back; the last page's columns are balanced. The
  // call to action is drawn on the last page the attempt allows, and that page's columns are
  // shortened to make room for it: the box never covers text.
  let best: { pages: Page[]; result: PaginateResult; sheetPages: number } | null = null;
  for (const sheetPages of [1, 2]) {
    const run = (lastColumnHeight: number | null) => {
      const pages: Page[] = [];
      let col = -1;
      let pageNo = 0;
      const next = (newPage_: boolean): Frame | null => {
        if (newPage_ && col >= 0) col = t.columns - 1;
        col++;
        if (col >= t.columns || pageNo === 0) {
          if (pageNo >= sheetPages) return null;
          pageNo++;
          col = 0;
          const p = newPage(box, null);
          pages.push(p);
        }
        const page = pages[pages.length - 1];
        const c = box.content(1);
        const y0 = pageNo === 1 ? top : c.y;
        const bottom = c.y + c.height - (pageNo === sheetPages && ctaBox ? ctaBox.height + 12 : 0);
        const full = bottom - y0;
        const h = pageNo === sheetPages && lastColumnHeight !== null ? Math.min(full, lastColumnHeight) : full;
        // A column with no room for a line of text (above a call to action, under tall
        // callouts) is skipped: pagination would otherwise put a line in it anyway.
        if (h < t.type.body.leading * scale) return next(false);
        // A balanced column keeps its white: stretching its spaces would undo the balance.
        return { page, x: c.x + col * (ctx.width + t.columnGap), y: y0, width: ctx.width, height: h, ...(h < full ? { noFill: true } : {}) };
      };
      const result = paginate(items, ctx.laidNotes, next, emptyStats());
      return { pages, result };
    };
    const natural = run(null);
    if (natural.result.overflow) {
      best = { ...natural, sheetPages };
      continue;
    }
    // Balance: the smallest last-page column height that still takes everything.
    let lo = 20;
    let hi = box.content(1).height;
    let chosen = natural;
    for (let i = 0; i < 14 && hi - lo > 1; i++) {
      const mid = (lo + hi) / 2;
      const r = run(mid);
      if (r.result.overflow || r.pages.length < natural.pages.length) lo = mid;
      else {
        hi = mid;
        chosen = r;
      }
    }
    best = { ...chosen, sheetPages };
    break;
  }
  const { pages, result, sheetPages } = best!;
  pages[0].items.unshift(...front);
  if (ctaBox && !result.overflow) {
    // The room was kept on page `sheetPages`. When the text fits the front only without that
    // room, it ends on the front and the back holds the call to action alone.
    while (pages.length < sheetPages) pages.push(newPage(box, null));
    const last = pages[sheetPages - 1];
    const c = box.content(1);
    // Right under the balanced columns, so a short back page reads as finished rather than
    // leaving a gap above a box pinned to the foot; never lower than the foot.
    const above = last.items.flatMap((i) => {
      switch (i.kind) {
        case 'text': return [i.y + 4];
        case 'chart': return [i.y + i.chart.height];
        case 'image': case 'vector': case 'rect': return [i.y + i.h];
        case 'qr': return [i.y + i.size];
        case 'line': return [Math.max(i.y1, i.y2)];
        default: return [];
      }
    });
    const top = above.length ? Math.min(c.y + c.height - ctaBox.height, Math.max(c.y, ...above) + 22) : c.y;
    last.items.push(...ctaBox.draw(c.x, top));
  }
  pages.forEach((p, i) => {
    p.frames = i === 0 ? [{ name: 'title band', x: 0, y: 0, w: box.width, h: bandH }, textBlockFrame(box, 1, 'text area')] : [textBlockFrame(box, 1, 'text area')];
    if (pages.length > 1) {
      // A footer (an artifact, like the brief's running heads): cut with an ellipsis if longer than the line.
      const style = { ...styleOf(ctx, 'running').style, color: t.colors.muted };
      const footer = i === 0 ? strings.turnOver : fillString(strings.backFooter, { organisation: org, title: doc.meta.title });
      p.items.push(textAt(fitText(footer, style, content.width), style, content.x + content.width, box.height - 20, 'right'));
    }
  });
  return {
    doc: { name: doc.name, pages, structure: root, outline: buildOutline(result.headings), info: documentInfo(doc), stats: result.stats },
    overflow: result.overflow,
  };
}
