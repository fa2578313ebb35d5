// The HTML edition of one document: one self-contained page (style inline, charts as inline
// SVG, images and QR codes in the page; no request leaves it), written from the resolved
// document the PDF is laid out from, in the same order the tagged PDF reads: title, key
// figures, body (each note after the block citing it), sources, appendix, closing or call to
// action. What the PDF adds for paper only (running heads, page numbers, "Please turn over")
// is left out.
import { logoHtml } from './htmlLogo.js';
import { appendixTableBlocks } from '../documents/brief/chartDataAppendix.js';
import type { BriefStrings } from '../documents/brief/briefStrings.js';
import { fillString } from '../documents/fillString.js';
import { formatDate } from '../layout/documentInfo.js';
import { fixedInlines } from '../layout/fixedText.js';
import type { RBlock, ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { TargetDocument } from '../targets/target.js';
import { blocksHtml, calloutHtml, newBlockContext, type BlockContext } from './htmlBlocks.js';
import { closingHtml, ctaHtml } from './htmlContact.js';
import { escapeAttr, escapeText, safeId } from './htmlEscape.js';
import { inlinesHtml } from './htmlInlines.js';
import { fontFaces } from './htmlFonts.js';
import { htmlStyle } from './htmlStyle.js';

export function htmlDocument({ resolved: doc, template, strings }: TargetDocument): string {
  const ctx = newBlockContext(doc.strings, doc.notes);
  const lang = escapeAttr(doc.meta.language);
  const organisation = doc.meta.organisation ?? doc.config.organisation.name;

  const callouts = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'callout' }> => b.kind === 'callout');
  const body = doc.blocks.filter((b) => b.kind !== 'callout' && b.kind !== 'closing' && b.kind !== 'cta');
  const closing = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'closing' }> => b.kind === 'closing');
  const cta = doc.blocks.find((b): b is Extract<RBlock, { kind: 'cta' }> => b.kind === 'cta');

  let main = '';
  if (callouts.length) main += `<div class="callouts">${callouts.map((c) => calloutHtml(c, ctx)).join('')}</div>`;
  main += blocksHtml(body, ctx);
  main += sourcesHtml(doc, strings.sourcesIntro, ctx);
  if ((template.options as { chartDataAppendix?: boolean } | undefined)?.chartDataAppendix && strings.appendixTitle) main += appendixHtml(doc, strings, ctx);
  if (closing.length) main += closingHtml(doc, closing, strings, ctx);
  if (cta) main += ctaHtml(doc, cta, strings, ctx);

  // The contents, as the brief prints it: chapters and sections, linked (a kind without a
  // contents string has no contents page, and gets none here).
  const wantsContents = (template.options as { contents?: boolean } | undefined)?.contents && strings.contents;
  const entries = ctx.headings.filter((h) => h.level <= 2 && !h.id.startsWith('appendix-'));
  const contents = wantsContents && entries.length >= 2
    ? `<nav class="contents" aria-labelledby="contents"><h2 id="contents">${escapeText(strings.contents)}</h2><ol>${entries.map((h) => `<li class="level-${h.level}"><a href="#${safeId(h.id)}">${escapeText(h.text)}</a></li>`).join('')}</ol></nav>`
    : '';

  const fullName = doc.config.organisation.fullName;
  const cover = '<header class="cover"><div class="cover-inner">' + logoHtml(doc.config.logo) +
    `<h1>${inlinesHtml(fixedInlines(doc.meta.title), ctx)}</h1>` +
    (doc.meta.subtitle ? `<p class="subtitle">${inlinesHtml(fixedInlines(doc.meta.subtitle), ctx)}</p>` : '') +
    `<p class="org"><strong>${escapeText(organisation)}</strong>${fullName ? ` ${escapeText(fullName)}` : ''}</p>` +
    `<p class="date"><time datetime="${escapeAttr(doc.meta.date)}">${escapeText(formatDate(doc.meta.date, doc.meta.language))}</time></p>` +
    '</div></header>';

  const meta = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing outside the page is ever loaded: a reader's browser makes no request for it.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; font-src data:">',
    `<meta name="author" content="${escapeAttr(organisation)}">`,
    doc.meta.subtitle ? `<meta name="description" content="${escapeAttr(doc.meta.subtitle)}">` : '',
    doc.meta.keywords?.length ? `<meta name="keywords" content="${escapeAttr(doc.meta.keywords.join(', '))}">` : '',
    `<meta name="generator" content="report-generator">`,
  ].join('');
  const bodyHtml = `<body>${cover}<main id="main">${contents}${main}</main></body>`;
  return `<!DOCTYPE html>\n<html lang="${lang}"><head>${meta}<title>${escapeText(doc.meta.title)}</title><style>${fontFaces(bodyHtml + doc.meta.title)}${htmlStyle(template)}</style></head>` +
    `${bodyHtml}</html>\n`;
}

function sourcesHtml(doc: ResolvedDocument, intro: string | undefined, ctx: BlockContext): string {
  if (!doc.sources.length) return '';
  const title = doc.strings.sourcesTitle;
  const blocks: RBlock[] = [
    { kind: 'heading', level: 1, inlines: fixedInlines(title), id: 'sources', text: title },
    ...(intro ? [{ kind: 'paragraph', inlines: fixedInlines(intro) } as RBlock] : []),
    { kind: 'list', ordered: false, start: 1, tight: true, items: doc.sources.map((s) => [{ kind: 'paragraph', inlines: fixedInlines(s) } as RBlock]) },
  ];
  return `<section class="sources" aria-labelledby="sources">${blocksHtml(blocks, ctx)}</section>`;
}

/** The brief's appendix: each chart's data as a table (also behind each chart's disclosure). */
function appendixHtml(doc: ResolvedDocument, strings: Readonly<Record<string, string>>, ctx: BlockContext): string {
  const figs: Extract<RBlock, { kind: 'figure' }>[] = [];
  const walk = (bs: RBlock[]) => bs.forEach((b) => (b.kind === 'figure' ? figs.push(b) : b.kind === 'closing' ? walk(b.blocks) : undefined));
  walk(doc.blocks);
  const shown = figs.filter((f) => f.data.appendix && f.data.tables.length > 0);
  if (!shown.length) return '';
  const blocks: RBlock[] = [{ kind: 'heading', level: 1, inlines: fixedInlines(strings.appendixTitle), id: 'appendix', text: strings.appendixTitle }];
  for (const f of shown) {
    const title = fillString(doc.strings.figureLabel, { number: f.number });
    blocks.push({ kind: 'heading', level: 2, inlines: fixedInlines(title), id: `appendix-${f.name}`, text: title });
    for (const t of f.data.tables) blocks.push(...appendixTableBlocks(t, f.data.files, strings as BriefStrings));
  }
  return `<section class="appendix" aria-labelledby="appendix">${blocksHtml(blocks, ctx)}</section>`;
}
