import { beforeAll, describe, expect, it } from 'vitest';
import { pdfOf } from '../../helpers/pdfOf.js';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { drawChart } from '../../../src/render/drawChart.js';
import type { PDFDoc } from '../../../src/render/pdfkitModule.js';
import { lineMetrics, measureText } from '../../../src/fonts/fontRegistry.js';
import { parseCssColor } from '../../../src/charts/cssColor.js';
import { parseCssFont } from '../../../src/charts/cssFont.js';
import { fontKeyForCss } from '../../../src/charts/chartFontKey.js';
import { PdfCanvasContext } from '../../../src/render/pdfCanvasContext.js';
import { barSpec, datasets, donutSpec, lineSpec, timelineSpec, type SceneNodeLike } from './fixtures.js';

const A4_HEIGHT = 841.89;

const pdfBuffer = (draw: (doc: PDFDoc) => void, compress = true) => pdfOf(draw, compress);

interface TextRun {
  str: string;
  x: number;
  /** Baseline, in pdfkit coordinates (y down). */
  y: number;
  width: number;
  transform: number[];
  font: string;
}

async function readPdf(buf: Buffer): Promise<TextRun[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0, disableFontFace: true, useSystemFonts: false })
    .promise;
  const page = await pdf.getPage(1);
  await page.getOperatorList(); // loads the fonts into commonObjs
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    let font = '';
    try {
      font = (page.commonObjs.get(item.fontName) as { name?: string }).name ?? '';
    } catch {
      font = '';
    }
    runs.push({
      str: item.str,
      x: item.transform[4],
      y: A4_HEIGHT - item.transform[5],
      width: item.width,
      transform: item.transform,
      font,
    });
  }
  await pdf.destroy();
  return runs;
}

/** Text items with absolute bounds (scene coordinates, groups' offsets applied). */
function absoluteTexts(node: SceneNodeLike, dx = 0, dy = 0, out: { item: SceneNodeLike; x1: number; y1: number; x2: number; y2: number }[] = []) {
  if (node.marktype === 'text') {
    for (const item of node.items ?? []) {
      const b = item.bounds!;
      out.push({ item, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
    }
    return out;
  }
  for (const item of node.items ?? []) {
    if (node.marktype === 'group') absoluteTexts(item, dx + ((item.x as number) || 0), dy + ((item.y as number) || 0), out);
    else if (item.items) absoluteTexts(item, dx, dy, out);
  }
  return out;
}

const KHMER = /[\u1780-\u17FF]/;
const theme = defaultChartTheme;
const charts: Record<string, ChartScene> = {};

beforeAll(async () => {
  charts.bar = await compileChart({ spec: barSpec, datasets, theme, width: 420, height: 220, specFile: 'bar' });
  charts.donut = await compileChart({ spec: donutSpec, datasets, theme, width: 380, height: 180, specFile: 'donut' });
  charts.line = await compileChart({ spec: lineSpec, datasets, theme, width: 420, height: 200, specFile: 'line' });
  charts.timeline = await compileChart({ spec: timelineSpec, datasets, theme, width: 450, height: 100, specFile: 'timeline' });
});

describe('drawChart', () => {
  it.each(['bar', 'donut', 'line', 'timeline'])('draws the %s chart with extractable text in embedded fonts', async (name) => {
    const chart = charts[name];
    const buf = await pdfBuffer((doc) => drawChart(doc, chart, 60, 80));
    const runs = await readPdf(buf);
    const strings = runs.map((r) => r.str);
    for (const t of chart.texts.filter((t) => !KHMER.test(t))) expect(strings).toContain(t);
    const raw = buf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont\s*\/Helvetica/);
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+SourceSans3/);
    // Every run uses one of our fonts.
    for (const r of runs) expect(r.font).toMatch(/SourceSans3|NotoSansKhmer/);
  });

  it('puts labels exactly where vega laid them out', async () => {
    const chart = charts.bar;
    const x0 = 60;
    const y0 = 80;
    const runs = await readPdf(await pdfBuffer((doc) => drawChart(doc, chart, x0, y0)));
    const laidOut = absoluteTexts(chart.scene as SceneNodeLike);
    for (const text of ['Forced labour', 'Cases', '0', '400', 'Identified cases by type']) {
      const l = laidOut.find((t) => t.item.text === text && !t.item.angle)!;
      const r = runs.find((r) => r.str === text)!;
      expect(l, text).toBeDefined();
      expect(r, text).toBeDefined();
      const size = l.item.fontSize as number;
      // Horizontal: the run spans the laid-out bounds.
      expect(Math.abs(r.x - (x0 + chart.origin[0] + l.x1))).toBeLessThan(0.5);
      expect(Math.abs(r.x + r.width - (x0 + chart.origin[0] + l.x2))).toBeLessThan(0.5);
      // Vertical: vega puts the baseline round(0.8 × size) below the bounds' top.
      expect(Math.abs(r.y - (y0 + chart.origin[1] + l.y1 + Math.round(0.8 * size)))).toBeLessThan(0.5);
    }
  });

  it('draws rotated axis titles rotated', async () => {
    const runs = await readPdf(await pdfBuffer((doc) => drawChart(doc, charts.bar, 60, 80)));
    const title = runs.find((r) => r.str === 'Type of exploitation')!;
    expect(title).toBeDefined();
    const [a, b, c, d] = title.transform;
    // -90° in vega (y down) reads bottom-to-top on the page.
    expect(Math.abs(a)).toBeLessThan(0.01);
    expect(Math.abs(d)).toBeLessThan(0.01);
    expect(b).toBeGreaterThan(0);
    expect(c).toBeLessThan(0);
  });

  it('draws Khmer labels with the Khmer font', async () => {
    const buf = await pdfBuffer((doc) => drawChart(doc, charts.bar, 60, 80));
    const runs = await readPdf(buf);
    const khmer = runs.filter((r) => KHMER.test(r.str));
    expect(khmer.length).toBeGreaterThan(0);
    for (const r of khmer) expect(r.font).toMatch(/NotoSansKhmer/);
    expect(buf.toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansKhmer/);
  });

  it('survives Khmer text that trips fontkit’s mark positioning', async () => {
    const chart = await compileChart({
      spec: { data: { values: [{ k: 'បង្ខំ', v: 1 }] }, mark: 'bar', encoding: { x: { field: 'k' }, y: { field: 'v', type: 'quantitative' } } },
      datasets: {},
      theme,
      width: 200,
      height: 100,
    });
    const runs = await readPdf(await pdfBuffer((doc) => drawChart(doc, chart, 10, 10)));
    expect(runs.some((r) => r.font.includes('NotoSansKhmer'))).toBe(true);
  });

  it('never paints black for transparent fills, and balances q/Q', async () => {
    const chart = await compileChart({
      spec: {
        data: { name: 'cases' },
        mark: { type: 'bar', fill: 'transparent', stroke: '#aa3300', strokeWidth: 1 },
        encoding: { x: { field: 'type', type: 'nominal' }, y: { field: 'cases', type: 'quantitative' } },
        config: { view: { fill: 'transparent' } },
      },
      datasets,
      theme,
      width: 300,
      height: 150,
    });
    const raw = (await pdfBuffer((doc) => drawChart(doc, chart, 20, 20), false)).toString('latin1');
    expect(raw).not.toMatch(/(^|\s)0 0 0 scn/);
    expect(raw).toMatch(/0\.6666\d* 0\.2 0 SCN/); // the stroke colour is there
    const ops = raw.split(/\s+/);
    expect(ops.filter((o) => o === 'q').length).toBe(ops.filter((o) => o === 'Q').length);
  });

  it('leaves pdfkit’s position and font as it found them', async () => {
    await pdfBuffer((doc) => {
      doc.font('Courier').fontSize(13);
      doc.x = 123;
      doc.y = 456;
      const font = (doc as unknown as { _font: unknown })._font;
      drawChart(doc, charts.line, 40, 40);
      expect(doc.x).toBe(123);
      expect(doc.y).toBe(456);
      expect((doc as unknown as { _font: unknown })._font).toBe(font);
      expect((doc as unknown as { _fontSize: number })._fontSize).toBe(13);
    });
  });
});

// ---------------------------------------------------------------------------------------------

interface Call {
  fn: string;
  args: unknown[];
}

/** A pdfkit stand-in that records what the canvas adapter asks of it. */
function mockDoc(): { doc: PDFDoc; calls: Call[]; content: () => string } {
  const calls: Call[] = [];
  const doc: Record<string, unknown> = { _registeredFonts: {} };
  for (const fn of [
    'addContent', 'save', 'restore', 'fillColor', 'strokeColor', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit',
    'text', 'font', 'fontSize', 'registerFont', 'transform', 'translate', 'scale',
  ]) {
    doc[fn] = (...args: unknown[]) => {
      calls.push({ fn, args });
      return doc;
    };
  }
  const content = () => calls.filter((c) => c.fn === 'addContent').map((c) => c.args[0]).join('\n');
  return { doc: doc as unknown as PDFDoc, calls, content };
}

describe('PdfCanvasContext', () => {
  it('keeps the current path after fill, so vega can fill then stroke it', () => {
    const { doc, content } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.beginPath();
    ctx.rect(0, 0, 10, 5);
    ctx.fillStyle = 'red';
    ctx.fill();
    ctx.strokeStyle = 'blue';
    ctx.stroke();
    const c = content();
    expect(c.match(/0 0 m/g)).toHaveLength(2);
    expect(c).toMatch(/h\nf/);
    expect(c).toMatch(/h\nS/);
  });

  it('applies transforms as points are added (mid-path changes allowed)', () => {
    const { doc, content } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 100, 200);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.translate(10, 0);
    ctx.lineTo(0, 0);
    ctx.rotate(Math.PI / 2);
    ctx.lineTo(5, 0);
    ctx.strokeStyle = '#000';
    ctx.stroke();
    expect(content()).toMatch(/100 200 m\n110 200 l\n110 205 l\nS/);
  });

  it('draws arcs as Béziers on the circle, honouring direction', () => {
    const { doc, content } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.beginPath();
    ctx.arc(0, 0, 10, 0, 2 * Math.PI);
    ctx.fillStyle = '#123456';
    ctx.fill();
    const c = content();
    expect(c.match(/ c$/gm)).toHaveLength(4);
    expect(c).toMatch(/^10 0 m/m);
    expect(c).toMatch(/0 10 c$/m); // quarter turn clockwise in y-down space
    const { doc: doc2, content: content2 } = mockDoc();
    const ctx2 = new PdfCanvasContext(doc2, 0, 0);
    ctx2.arc(0, 0, 10, 0, Math.PI / 2, true); // the long way round
    ctx2.fillStyle = '#123456';
    ctx2.fill();
    expect(content2().match(/ c$/gm)).toHaveLength(3);
    expect(content2()).toMatch(/0 -10 c$/m);
  });

  it('paints nothing for transparent colours or zero alpha', () => {
    const { doc, calls } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.rect(0, 0, 10, 10);
    for (const style of ['transparent', 'rgba(0,0,0,0)', '#0000', 'none']) {
      ctx.fillStyle = style;
      ctx.fill();
    }
    ctx.fillStyle = 'black';
    ctx.globalAlpha = 0;
    ctx.fill();
    expect(calls.filter((c) => c.fn === 'fillColor' || (c.fn === 'addContent' && c.args[0] === 'f'))).toHaveLength(0);
  });

  it('maps save/restore to q/Q and ignores unbalanced restores', () => {
    const { doc, calls } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.save();
    ctx.fillStyle = 'red';
    ctx.restore();
    ctx.restore();
    expect(ctx.fillStyle).toBe('#000000');
    expect(calls.filter((c) => c.fn === 'save')).toHaveLength(1);
    expect(calls.filter((c) => c.fn === 'restore')).toHaveLength(1);
  });

  it('positions text by textAlign and textBaseline with the real font metrics', () => {
    const { doc, calls } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.font = '600 12px "Source Sans 3", sans-serif';
    ctx.fillStyle = '#333';
    const w = measureText('sans-semibold', 'Total', 12);
    const { ascent, descent } = lineMetrics('sans-semibold', 12);
    const cases: [string, string, number, number][] = [
      ['left', 'alphabetic', 50, 100],
      ['center', 'top', 50 - w / 2, 100 + ascent],
      ['right', 'bottom', 50 - w, 100 - descent],
      ['end', 'middle', 50 - w, 100 + (ascent - descent) / 2],
      ['start', 'ideographic', 50, 100 - descent],
    ];
    for (const [align, baseline, x, y] of cases) {
      calls.length = 0;
      ctx.textAlign = align;
      ctx.textBaseline = baseline;
      ctx.fillText('Total', 50, 100);
      const t = calls.find((c) => c.fn === 'text')!;
      expect(t.args[0]).toBe('Total');
      expect(t.args[1] as number).toBeCloseTo(x, 6);
      expect(t.args[2] as number).toBeCloseTo(y, 6);
      expect(calls.find((c) => c.fn === 'font')!.args[0]).toBe('sans-semibold');
    }
    expect(ctx.measureText('Total').width).toBeCloseTo(w, 6);
  });

  it('draws rotated text through the transform', () => {
    const { doc, calls } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 10, 20);
    ctx.font = '10px Source Sans 3';
    ctx.translate(5, 5);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('Up', 0, 0);
    const tr = calls.find((c) => c.fn === 'transform')!.args as number[];
    expect(tr[0]).toBeCloseTo(0, 9);
    expect(tr[1]).toBeCloseTo(-1, 9);
    expect(tr[4]).toBeCloseTo(15, 9);
    expect(tr[5]).toBeCloseTo(25, 9);
    expect(calls.map((c) => c.fn)).toEqual(expect.arrayContaining(['save', 'transform', 'text', 'restore']));
  });

  it('handles dashes, including zero-length dashes', () => {
    const { doc, content } = mockDoc();
    const ctx = new PdfCanvasContext(doc, 0, 0);
    ctx.moveTo(0, 0);
    ctx.lineTo(10, 0);
    ctx.setLineDash([0, 3]);
    ctx.stroke();
    ctx.setLineDash([2]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.stroke();
    const c = content();
    expect(c).toContain('[0 3] 0 d');
    expect(c).toContain('[2 2] 0 d');
    expect(c).toContain('[] 0 d');
  });

  it('fills linear gradients in a real document without falling back to black', async () => {
    const buf = await pdfBuffer((doc) => {
      const ctx = new PdfCanvasContext(doc, 50, 50);
      const g = ctx.createLinearGradient(0, 0, 100, 0);
      g.addColorStop(0, '#1d5c63');
      g.addColorStop(1, 'rgba(201, 138, 43, 0.5)');
      ctx.fillStyle = g as unknown as string;
      ctx.rect(0, 0, 100, 20);
      ctx.fill();
    }, false);
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/ShadingType 2/);
    expect(raw).not.toMatch(/(^|\s)0 0 0 scn/);
  });
});

describe('colour and font parsing', () => {
  it('parses CSS colours', () => {
    expect(parseCssColor('#abc')).toEqual({ rgb: [170, 187, 204], a: 1 });
    expect(parseCssColor('#1d5c6380')!.a).toBeCloseTo(128 / 255);
    expect(parseCssColor('rgb(10, 20, 30)')).toEqual({ rgb: [10, 20, 30], a: 1 });
    expect(parseCssColor('rgba(10,20,30,0.25)')).toEqual({ rgb: [10, 20, 30], a: 0.25 });
    expect(parseCssColor('rgb(10 20 30 / 50%)')).toEqual({ rgb: [10, 20, 30], a: 0.5 });
    expect(parseCssColor('steelblue')).toEqual({ rgb: [70, 130, 180], a: 1 });
    expect(parseCssColor('hsl(120, 100%, 25%)')).toEqual({ rgb: [0, 128, 0], a: 1 });
    expect(parseCssColor('transparent')!.a).toBe(0);
    expect(parseCssColor('not-a-colour')).toBeNull();
  });

  it('maps CSS fonts to our font keys', () => {
    expect(parseCssFont('bold 11px Source Sans 3')).toEqual({ style: 'normal', weight: 700, size: 11, family: 'Source Sans 3' });
    expect(parseCssFont('italic 600 9.5px "Source Sans 3", sans-serif').size).toBe(9.5);
    expect(fontKeyForCss('bold 11px Source Sans 3', 'Cases').key).toBe('sans-bold');
    expect(fontKeyForCss('600 11px Source Sans 3', 'Cases').key).toBe('sans-semibold');
    expect(fontKeyForCss('italic 11px Source Sans 3', 'Cases').key).toBe('sans-italic');
    expect(fontKeyForCss('11px Source Sans 3', 'Cases').key).toBe('sans');
    expect(fontKeyForCss('11px Source Sans 3', 'ខេត្ត Battambang').key).toBe('khmer');
    expect(fontKeyForCss('bold 11px Source Sans 3', 'ខេត្ត').key).toBe('khmer-bold');
  });
});
