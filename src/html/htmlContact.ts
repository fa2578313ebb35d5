// The end of a document in the HTML edition: the brief's closing section with the contact
// details, or the handout's call to action with the donation link; each with the QR code the
// PDF prints (as inline SVG squares) and the placeholder notice while the details are stand-ins.
import { fillString } from '../documents/fillString.js';
import { qrModules } from '../layout/qrCode.js';
import type { RBlock, ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { StringTable } from '../strings/stringTable.js';
import { blocksHtml, type BlockContext } from './htmlBlocks.js';
import { escapeAttr, escapeText } from './htmlEscape.js';

type Closing = Extract<RBlock, { kind: 'closing' }>;
type Cta = Extract<RBlock, { kind: 'cta' }>;

export function closingHtml(doc: ResolvedDocument, closing: Closing[], strings: StringTable, ctx: BlockContext): string {
  // The closing page is a chapter of its own: its highest heading is set at chapter level.
  const blocks = closing.flatMap((c) => c.blocks);
  const levels = blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : []));
  const shift = levels.length ? Math.min(...levels) - 1 : 0;
  const top = blocks.map((b) => (b.kind === 'heading' ? { ...b, level: b.level - shift } : b));
  return `<section class="closing">${blocksHtml(top, ctx)}${strings.contactTitle ? contactHtml(doc, strings, ctx) : ''}</section>`;
}

function contactHtml(doc: ResolvedDocument, strings: StringTable, ctx: BlockContext): string {
  const c = doc.config.contact;
  const rows: [string, string, string | undefined][] = [
    [strings.contactGive, c.donate, c.donate],
    [strings.contactWebsite, c.website, c.website],
    [strings.contactEmail, c.email, `mailto:${c.email}`],
  ];
  if (c.phone) rows.push([strings.contactPhone, c.phone, `tel:${c.phone.replace(/[^+\d]/g, '')}`]);
  if (c.address) rows.push([strings.contactAddress, c.address, undefined]);
  const title = fillString(strings.contactTitle, { organisation: doc.config.organisation.name });
  const level = Math.min(6, 2 + ctx.headingShift);
  const lines = rows.map(([label, value, href]) => `<p><span class="label">${escapeText(label ?? '')}</span> ${href ? `<a href="${escapeAttr(href)}">${escapeText(value)}</a>` : escapeText(value)}</p>`).join('');
  const note = c.placeholder && strings.contactPlaceholder ? `<p class="placeholder">${escapeText(strings.contactPlaceholder)}</p>` : '';
  return `<div class="contact"><div><h${level}>${escapeText(title)}</h${level}>${lines}${note}</div>${qrSvg(c.donate, fillString(doc.strings.qrAlt, { url: c.donate }))}</div>`;
}

export function ctaHtml(doc: ResolvedDocument, cta: Cta, strings: StringTable, ctx: BlockContext): string {
  const c = doc.config.contact;
  const url = c.donate.replace(/^https?:\/\//, '');
  const website = c.website.replace(/^https?:\/\//, '');
  const note = c.placeholder && strings.placeholder ? `<p class="placeholder">${escapeText(strings.placeholder)}</p>` : '';
  return '<section class="cta"><div class="cta-body"><div>' + blocksHtml(cta.blocks, ctx) +
    `<p class="donate"><a href="${escapeAttr(c.donate)}">${escapeText(url)}</a></p>` +
    `<p class="contact-line"><a href="${escapeAttr(c.website)}">${escapeText(website)}</a> · <a href="mailto:${escapeAttr(c.email)}">${escapeText(c.email)}</a></p>` +
    note + '</div>' + qrSvg(c.donate, fillString(doc.strings.qrAlt, { url: c.donate })) + '</div></section>';
}

/** The QR code as one SVG path of dark modules, with a quiet zone, named for screen readers. */
function qrSvg(text: string, alt: string): string {
  const modules = qrModules(text);
  const n = modules.length;
  let d = '';
  modules.forEach((row, y) => row.forEach((on, x) => {
    if (on) d += `M${x + 2} ${y + 2}h1v1h-1z`;
  }));
  return `<svg class="qr" role="img" aria-label="${escapeAttr(alt)}" viewBox="0 0 ${n + 4} ${n + 4}" shape-rendering="crispEdges"><rect width="${n + 4}" height="${n + 4}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
