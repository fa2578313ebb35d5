// The HTML edition's style sheet, from the document's template: its colours, its fonts (by
// role, as font stacks), and its type scale as proportions of the body size, so the page reads
// at a comfortable size on a phone and prints at the template's own sizes (@media print).
import type { FontKey } from '../fonts/fontRegistry.js';
import type { Template, TypeSpec } from '../load/templateTypes.js';

// The template's fonts by name first (a reader who has them installed, or a later embedded
// subset, sees the PDF's type), then look-alikes common on phones and desktops. Khmer text
// falls through to a Khmer face in every stack.
const KHMER = '"Noto Sans Khmer", "Khmer OS System", "Khmer OS", "Leelawadee UI", "Khmer UI"';
const STACKS = {
  serif: `"Source Serif 4", "Source Serif Pro", Georgia, Cambria, "Times New Roman", ${KHMER}, serif`,
  sans: `"Source Sans 3", "Source Sans Pro", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, ${KHMER}, sans-serif`,
  mono: `"Source Code Pro", ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", ${KHMER}, monospace`,
};

export function fontCss(key: FontKey): string {
  const family = key.startsWith('serif') ? STACKS.serif : key === 'mono' ? STACKS.mono : STACKS.sans;
  const weight = /semibold/.test(key) ? 600 : /bold/.test(key) ? 700 : 400;
  const style = /italic/.test(key) ? 'italic' : 'normal';
  return `font-family: ${family}; font-weight: ${weight}; font-style: ${style};`;
}

/** Size and line height of a role relative to the body's (em), so one root size scales all. */
function scaleCss(spec: TypeSpec, body: TypeSpec): string {
  return `font-size: ${round(spec.size / body.size)}em; line-height: ${round(spec.leading / spec.size)};`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function htmlStyle(t: Template): string {
  const c = t.colors;
  const ty = t.type;
  const body = ty.body;
  return `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 106.25%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: ${c.text}; background: #fff; ${fontCss(body.font)} line-height: ${round(body.leading / body.size)}; }
main, .cover-inner { max-width: 40em; margin: 0 auto; padding: 0 1.1rem; }
main { padding-bottom: 3rem; }
p { margin: 0 0 ${round(t.paragraphSpace / body.size)}em; hyphens: auto; overflow-wrap: break-word; }
a { color: ${c.accent}; text-underline-offset: 0.15em; }
a:focus-visible, summary:focus-visible { outline: 2px solid ${c.warm}; outline-offset: 2px; }
h2, h3, h4, h5, h6 { margin: 0; break-after: avoid; page-break-after: avoid; }
h2 { ${fontCss(ty.h1.font)} ${scaleCss(ty.h1, body)} color: ${c.accent}; margin: ${round(ty.h1.spaceBefore / ty.h1.size)}em 0 ${round(ty.h1.spaceAfter / ty.h1.size)}em; }
h3 { ${fontCss(ty.h2.font)} ${scaleCss(ty.h2, body)} margin: ${round(ty.h2.spaceBefore / ty.h2.size)}em 0 ${round(ty.h2.spaceAfter / ty.h2.size)}em; }
h4, h5, h6 { ${fontCss(ty.h3.font)} ${scaleCss(ty.h3, body)} margin: ${round(ty.h3.spaceBefore / ty.h3.size)}em 0 ${round(ty.h3.spaceAfter / ty.h3.size)}em; }
ul, ol { margin: 0 0 ${round(t.paragraphSpace / body.size)}em; padding-left: 1.4em; }
ul > li::marker { color: ${c.accent}; }
li > p:last-child { margin-bottom: 0.2em; }
ul.tight > li > p, ol.tight > li > p { margin: 0; }
blockquote { margin: 0 0 1em; padding-left: 0.9em; border-left: 2px solid ${c.rule}; }
pre { ${fontCss(ty.code.font)} ${scaleCss(ty.code, body)} white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1em; padding-left: 0.6em; }
code { ${fontCss(ty.code.font)} font-size: 0.92em; }
hr { border: 0; border-top: 1px solid ${c.rule}; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; ${fontCss(ty.table.font)} ${scaleCss(ty.table, body)} }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em 0.3em 0; border-bottom: 1px solid ${c.rule}; overflow-wrap: anywhere; }
thead th { ${fontCss('sans-semibold')} border-bottom: 1.5px solid ${c.accent}; }
tbody th { font-weight: 400; }
.right { text-align: right; } .center { text-align: center; }
figure { margin: 1.2em 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; margin: 0 auto 0.4em; }
figure.chart svg text { font-family: ${STACKS.sans}; }
figcaption { ${fontCss(ty.caption.font)} ${scaleCss(ty.caption, body)} }
.figure-label { color: ${c.accent}; }
.source { display: block; color: ${c.muted}; }
details.chart-data { margin-top: 0.4em; ${fontCss(ty.caption.font)} ${scaleCss(ty.caption, body)} }
details.chart-data summary { cursor: pointer; color: ${c.accent}; }
.image img { max-width: 100%; height: auto; }
.noteref { text-decoration: none; }
.noteref sup { font-size: 0.7em; line-height: 0; }
aside.note { ${fontCss(ty.note.font)} ${scaleCss(ty.note, body)} display: flex; gap: 0.4em; margin: 0.2em 0 0.8em; padding: 0.35em 0 0 0; border-top: 1px solid ${c.rule}; color: ${c.text}; }
aside.note > :not(.backref) { flex: 1; }
aside.note p { margin: 0; }
.backref { color: ${c.accent}; text-decoration: none; min-width: 1.2em; }
.cover { background: ${c.accent}; color: #fff; padding: 2.2rem 0 1.6rem; margin-bottom: 1.5rem; }
.cover h1 { ${fontCss('sans-bold')} font-size: 1.9em; line-height: 1.15; margin: 0 0 0.4em; }
.cover .subtitle { ${fontCss('sans')} font-size: 1.1em; color: ${c.accentSoft}; margin: 0 0 1.2em; }
.cover .org, .cover .date { ${fontCss('sans')} margin: 0; color: #fff; }
.cover .org strong { ${fontCss('sans-bold')} }
.cover .logo { margin: 0 0 1em; }
.cover .logo img { display: inline-block; height: 3em; width: auto; }
.callouts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5em, 1fr)); gap: 0.6em; margin: 0 0 1.4em; }
.callout { background: ${c.accentSoft}; border-left: 3px solid ${c.warm}; padding: 0.5em 0.7em; margin: 0; ${fontCss('sans')} font-size: 0.9em; line-height: 1.3; }
.callout .value { display: block; ${fontCss('sans-bold')} font-size: 1.7em; line-height: 1.2; color: ${darkerForText(c.warm, c.accentSoft)}; }
.callout .label, .callout .source { display: block; }
.callout .source { font-size: 0.85em; margin-top: 0.3em; }
nav.contents ol { list-style: none; padding: 0; }
nav.contents li.level-2 { padding-left: 1.2em; }
.closing, .cta { margin-top: 2em; padding: 1em 1.1em; border-radius: 4px; }
.closing { border-top: 6px solid ${c.accent}; }
.contact { background: ${c.accentSoft}; padding: 0.8em 1em; border-radius: 4px; ${fontCss('sans')} display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.contact > div { flex: 1 1 14em; }
.contact p { margin: 0 0 0.3em; }
.contact .label { ${fontCss('sans-semibold')} color: ${c.muted}; display: inline-block; min-width: 6em; }
.placeholder { font-style: italic; color: ${darkerForText(c.warm, c.accentSoft)}; }
.qr { width: 7em; height: 7em; flex: none; background: #fff; padding: 0.3em; }
.cta { background: ${c.accent}; color: #fff; }
.cta h2, .cta h3, .cta h4, .cta a { color: #fff; }
.cta .donate { ${fontCss('sans-bold')} font-size: 1.25em; }
.cta .placeholder { color: #fff; }
.cta-body { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; }
.cta-body > div { flex: 1 1 14em; }
@media (min-width: 48em) { html { font-size: 112.5%; } .cover { padding: 3.5rem 0 2.5rem; } }
@media print {
  html { font-size: ${body.size}pt; }
  body { line-height: ${round(body.leading / body.size)}; }
  main, .cover-inner { max-width: none; padding: 0; }
  .cover { background: none; color: ${c.accent}; padding: 0 0 1em; border-bottom: 3px solid ${c.accent}; }
  .cover h1, .cover .org, .cover .date { color: ${c.accent}; }
  .cover .subtitle { color: ${c.muted}; }
  .cta { background: none; color: ${c.text}; border: 2px solid ${c.accent}; }
  .cta h2, .cta h3, .cta h4, .cta a, .cta .placeholder { color: ${c.accent}; }
  details.chart-data > summary { display: none; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: ${c.muted}; }
  p { orphans: 2; widows: 2; }
  @page { margin: ${t.margins.top}pt ${t.margins.outer}pt ${t.margins.bottom}pt ${t.margins.inner}pt; }
}
`;
}

/**
 * The template's warm colour is meant for large numbers on the pale accent; as text it is
 * darkened until it reaches 4.5:1 on that background, so the page passes WCAG AA whatever the
 * template chose.
 */
export function darkerForText(hex: string, background = '#e6f0f0'): string {
  let rgb = toRgb(hex);
  const bg = luminance(toRgb(background));
  for (let i = 0; i < 40 && contrast(luminance(rgb), bg) < 4.6; i++) rgb = rgb.map((v) => Math.max(0, Math.round(v * 0.93))) as [number, number, number];
  return '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
}

function toRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((x) => x + x).join('') : h.slice(0, 6);
  const n = parseInt(full, 16);
  return Number.isFinite(n) ? [(n >> 16) & 255, (n >> 8) & 255, n & 255] : [0, 0, 0];
}

function luminance([r, g, b]: [number, number, number]): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
