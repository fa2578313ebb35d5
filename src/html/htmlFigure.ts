// A chart figure in the HTML edition: the recorded chart drawing replayed as inline SVG (the
// same drawing the PDF draws), named for screen readers by the chart's description, with its
// numbered caption and source line, and the chart's data as a table behind a disclosure.
import { chartToSvg } from '../charts/svg/chartSvg.js';
import { fillString } from '../documents/fillString.js';
import { fixedInlines } from '../layout/fixedText.js';
import type { RBlock } from '../resolve/resolvedTypes.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import { escapeText, safeId } from './htmlEscape.js';
import { inlinesHtml, type InlineContext } from './htmlInlines.js';

type Figure = Extract<RBlock, { kind: 'figure' }>;

export function figureHtml(b: Figure, ctx: InlineContext): string {
  const id = safeId(b.id);
  const label = inlinesHtml(fixedInlines(fillString(ctx.strings.figureCaption, { number: b.number })), ctx);
  const source = inlinesHtml(fixedInlines(fillString(ctx.strings.sourceLine, { source: b.source })), ctx);
  return `<figure id="${id}" class="chart">${accessibleSvg(b, id)}` +
    `<figcaption><strong class="figure-label">${label}</strong> ${inlinesHtml(b.caption, ctx)} <span class="source">${source}</span></figcaption>` +
    dataTable(b, ctx.strings) +
    '</figure>';
}

/** The chart's SVG, scalable (viewBox, no fixed size in CSS) and named by its description. */
function accessibleSvg(b: Figure, id: string): string {
  const svg = chartToSvg(b.chart, { idPrefix: `${id}-svg` });
  const open = svg.indexOf('>');
  // The drawing's own text is inside the image: role="img" presents it as one image, named by
  // the description (which gives every value, as the PDF's alt text does).
  return svg.slice(0, open) + ` role="img" aria-labelledby="${id}-desc" focusable="false">` +
    `<title id="${id}-desc">${escapeText(b.alt)}</title>` + svg.slice(open + 1);
}

function dataTable(b: Figure, strings: EngineStrings): string {
  const tables = b.data.tables.filter((t) => t.rows.length > 0);
  if (!tables.length) return '';
  const summary = escapeText(fillString(strings.chartData, { number: b.number }));
  const th = (h: string, right: boolean) => `<th scope="col"${right ? ' class="right"' : ''}>${escapeText(h)}</th>`;
  const html = tables.map((t) => {
    if (t.kind === 'figures') {
      const head = [strings.dataLabelColumn, strings.dataValueColumn, strings.dataYearColumn, strings.dataSourceColumn].map((h, c) => th(h, c === 1 || c === 2)).join('');
      const rows = t.rows.map((r) => `<tr><th scope="row">${escapeText(r.label)}</th><td class="right">${escapeText(r.value)}</td><td class="right">${escapeText(r.year)}</td><td>${escapeText(r.source)}</td></tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    // What the chart draws (cells, boxes, sums), under the chart's own column titles.
    const head = t.columns.map((c, i) => th(c || strings.dataLabelColumn, t.numeric[i])).join('');
    const rows = t.rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeText(cell)}</th>` : `<td${t.numeric[i] ? ' class="right"' : ''}>${escapeText(cell)}</td>`)).join('')}</tr>`).join('');
    return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }).join('');
  return `<details class="chart-data"><summary>${summary}</summary>${html}</details>`;
}
