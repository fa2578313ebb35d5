// The logo of content/config.yaml on the HTML edition's cover: an SVG logo written out again
// from the shapes the reader took from it (so nothing but those shapes reaches the page: no
// scripts, no links), a PNG or JPEG as it is; both as an <img> with the logo's description, or
// alt="" when config.yaml gives none (decoration).
import type { ConfigImage } from '../load/brandConfig.js';
import type { VectorDrawing } from '../load/readSvg.js';
import { escapeAttr } from './htmlEscape.js';

export function logoHtml(logo: ConfigImage | undefined): string {
  const p = logo?.picture;
  if (!logo || !p) return '';
  const src = p.kind === 'vector'
    ? `data:image/svg+xml;base64,${Buffer.from(vectorSvg(p.drawing)).toString('base64')}`
    : `data:${p.data[0] === 0x89 ? 'image/png' : 'image/jpeg'};base64,${p.data.toString('base64')}`;
  return `<p class="logo"><img src="${src}" alt="${escapeAttr(logo.alt ?? '')}" width="${Math.round((p.width / p.height) * 48)}" height="48"></p>`;
}

/** The drawing as a standalone SVG document. */
function vectorSvg(d: VectorDrawing): string {
  const num = (n: number) => String(Math.round(n * 1e4) / 1e4);
  const shapes = d.shapes.map((s) => {
    const attrs = [
      `d="${escapeAttr(s.d)}"`,
      `transform="matrix(${s.matrix.map(num).join(' ')})"`,
      `fill="${s.fill ?? 'none'}"`, `fill-opacity="${num(s.fillOpacity)}"`, `fill-rule="${s.fillRule}"`,
      `stroke="${s.stroke ?? 'none'}"`, `stroke-opacity="${num(s.strokeOpacity)}"`, `stroke-width="${num(s.strokeWidth)}"`,
      `stroke-linecap="${s.lineCap}"`, `stroke-linejoin="${s.lineJoin}"`,
      ...(s.dash ? [`stroke-dasharray="${s.dash.map(num).join(' ')}"`] : []),
    ];
    return `<path ${attrs.join(' ')}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${d.viewBox.map(num).join(' ')}">${shapes.join('')}</svg>`;
}
