// Our SVG replay of a recorded chart (src/charts/svg/chartSvg.ts) against vega's own SVG
// renderer for the same spec, size and text measurer: the same texts in the same order at the
// same anchor points, the same filled and stroked shapes by colour at the same places, the same
// viewBox. vega's SVG renderer walks the scenegraph, ours replays the canvas drawers' calls, so
// agreement means the recording and the replay lost nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { defaultChartTheme, toVegaLiteConfig } from '../../../src/charts/chartTheme.js';
import { chartToSvg } from '../../../src/charts/svg/chartSvg.js';
import { datasets } from './fixtures.js';

// ---------------------------------------------------------------------------------------------
// A small SVG reader: elements with attributes, text, and absolute transforms.

type M = [number, number, number, number, number, number];
const IDENTITY: M = [1, 0, 0, 1, 0, 0];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function parseTransform(t: string | undefined): M {
  let m = IDENTITY;
  for (const [, fn, args] of (t ?? '').matchAll(/(\w+)\(([^)]*)\)/g)) {
    const a = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (fn === 'translate') m = mul(m, [1, 0, 0, 1, a[0], a[1] ?? 0]);
    else if (fn === 'scale') m = mul(m, [a[0], 0, 0, a[1] ?? a[0], 0, 0]);
    else if (fn === 'matrix') m = mul(m, a as M);
    else if (fn === 'rotate') {
      const r = (a[0] * Math.PI) / 180;
      m = mul(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    } else throw new Error(`transform ${fn}`);
  }
  return m;
}

interface El {
  tag: string;
  attrs: Record<string, string>;
  /** Attributes inherited from ancestors (fill, stroke...) merged with the element's own. */
  style: Record<string, string>;
  ctm: M;
  text: string;
  parent?: El;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const INHERITED = ['fill', 'stroke', 'fill-opacity', 'stroke-opacity', 'display'];

function readSvg(svg: string): El[] {
  const out: El[] = [];
  const root: El = { tag: '#root', attrs: {}, style: {}, ctm: IDENTITY, text: '' };
  let cur = root;
  for (const [, close, tag, body, self, text] of svg.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (text !== undefined) {
      cur.text += decode(text);
    } else if (close) {
      cur = cur.parent!;
    } else {
      const attrs: Record<string, string> = {};
      for (const [, k, v] of body.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[k] = decode(v);
      const style = { ...cur.style };
      for (const k of INHERITED) if (k in attrs) style[k] = attrs[k];
      const el: El = { tag, attrs, style, ctm: mul(cur.ctm, parseTransform(attrs.transform)), text: '', parent: cur };
      out.push(el);
      if (!self) cur = el;
    }
  }
  return out;
}

/** Inside <defs> or <clipPath>: not drawn by itself. */
const isDefinition = (el: El) => {
  for (let p: El | undefined = el; p; p = p.parent) if (p.tag === 'defs' || p.tag === 'clipPath') return true;
  return false;
};

interface TextOut {
  text: string;
  x: number;
  y: number;
  /** Rotation in degrees. */
  angle: number;
  anchor: string;
  size: number;
  family: string;
  weight: string;
}

function texts(els: El[]): TextOut[] {
  return els
    .filter((e) => e.tag === 'text' && e.style.display !== 'none')
    .map((e) => {
      const [x, y] = apply(e.ctm, Number(e.attrs.x ?? 0), Number(e.attrs.y ?? 0));
      return {
        text: e.text,
        x,
        y,
        angle: Math.round((Math.atan2(e.ctm[1], e.ctm[0]) * 180) / Math.PI),
        anchor: e.attrs['text-anchor'] ?? 'start',
        size: parseFloat(e.attrs['font-size']),
        family: e.attrs['font-family'],
        weight: e.attrs['font-weight'] ?? '400',
      };
    });
}

/** End points of a path's segments (control points left out), in the path's own space. */
function pathPoints(d: string): [number, number][] {
  const pts: [number, number][] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  for (const [, cmd, args] of d.matchAll(/([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)/g)) {
    const n = (args.match(/[+-]?(?:\d*\.\d+|\d+\.?)(?:e[+-]?\d+)?/gi) ?? []).map(Number);
    const rel = cmd === cmd.toLowerCase();
    const size = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 }[cmd.toLowerCase()]!;
    if (size === 0) {
      x = sx;
      y = sy;
      continue;
    }
    for (let i = 0; i + size <= n.length; i += size) {
      const k = cmd.toLowerCase();
      if (k === 'h') x = rel ? x + n[i] : n[i];
      else if (k === 'v') y = rel ? y + n[i] : n[i];
      else {
        x = rel ? x + n[i + size - 2] : n[i + size - 2];
        y = rel ? y + n[i + size - 1] : n[i + size - 1];
      }
      if (k === 'm' && i === 0) {
        sx = x;
        sy = y;
      }
      pts.push([x, y]);
    }
  }
  return pts;
}

interface Shape {
  /** 'fill #rrggbb' or 'stroke #rrggbb'. */
  paint: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const HEX = (c: string) => {
  const h = c.toLowerCase();
  return /^#[0-9a-f]{3}$/.test(h) ? '#' + [...h.slice(1)].map((d) => d + d).join('') : h;
};

/** Every painted shape as (paint, absolute bounding box of its segment end points). */
function shapes(els: El[]): Shape[] {
  const out: Shape[] = [];
  for (const e of els) {
    if (isDefinition(e) || e.style.display === 'none' || e.attrs.opacity === '0') continue;
    let pts: [number, number][];
    if (e.tag === 'path') pts = pathPoints(e.attrs.d ?? '');
    else if (e.tag === 'line') pts = [[+(e.attrs.x1 ?? 0), +(e.attrs.y1 ?? 0)], [+(e.attrs.x2 ?? 0), +(e.attrs.y2 ?? 0)]];
    else if (e.tag === 'rect') {
      const x = +(e.attrs.x ?? 0), y = +(e.attrs.y ?? 0), w = +(e.attrs.width ?? 0), h = +(e.attrs.height ?? 0);
      pts = [[x, y], [x + w, y + h]];
    } else continue;
    if (!pts.length) continue;
    const abs = pts.map(([x, y]) => apply(e.ctm, x, y));
    const box = {
      x1: Math.min(...abs.map((p) => p[0])),
      y1: Math.min(...abs.map((p) => p[1])),
      x2: Math.max(...abs.map((p) => p[0])),
      y2: Math.max(...abs.map((p) => p[1])),
    };
    const fill = e.style.fill;
    const stroke = e.style.stroke;
    // SVG's initial fill is black; vega's root group sets fill="none".
    if (fill !== 'none' && e.style['fill-opacity'] !== '0') out.push({ paint: `fill ${HEX(fill ?? '#000000')}`, ...box });
    if (stroke && stroke !== 'none' && e.style['stroke-opacity'] !== '0') out.push({ paint: `stroke ${HEX(stroke)}`, ...box });
  }
  return out;
}

/** Shapes grouped by paint, each group sorted by position. */
function byPaint(list: Shape[]): Map<string, Shape[]> {
  const m = new Map<string, Shape[]>();
  for (const s of list) m.set(s.paint, [...(m.get(s.paint) ?? []), s]);
  const key = (s: Shape) => [(s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2].map((v) => Math.round(v * 10)).join(',');
  for (const v of m.values()) v.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return m;
}

// ---------------------------------------------------------------------------------------------

const theme = defaultChartTheme;
const WIDTH = 400;
const HEIGHT = 200;

const specs: Record<string, object> = {
  // Stacked bars with a colour legend, a title, axis titles and labels (rotated x labels).
  bar: {
    title: 'Returnees by year',
    data: { name: 'trend' },
    mark: 'bar',
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'Year' },
      y: { field: 'returnees', type: 'quantitative', aggregate: 'sum', title: 'Returnees' },
      color: { field: 'region', type: 'nominal', title: 'Province' },
    },
  },
  // Lines with points, dashed for one series, a legend and a subtitle.
  line: {
    title: { text: 'Returnees assisted', subtitle: 'By province of return' },
    data: { name: 'trend' },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: 0 } },
      y: { field: 'returnees', type: 'quantitative', title: 'Returnees' },
      color: { field: 'region', type: 'nominal', title: 'Province' },
      strokeDash: { field: 'region', type: 'nominal', legend: null },
    },
  },
};

interface Pair {
  chart: ChartScene;
  ours: El[];
  vega: El[];
  oursSvg: string;
  vegaSvg: string;
}
const pairs: Record<string, Pair> = {};

/** vega's own SVG for a spec prepared as compileChart prepares it (same size, config, autosize). */
async function vegaSvg(spec: object): Promise<string> {
  const vlSpec = {
    ...structuredClone(spec),
    datasets: structuredClone(datasets),
    width: WIDTH,
    height: HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
  } as unknown as TopLevelSpec;
  const vgSpec = vl.compile(vlSpec, { config: toVegaLiteConfig(theme) }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

beforeAll(async () => {
  for (const [name, spec] of Object.entries(specs)) {
    // compileChart first: it installs our text measurer, which vega's SVG renderer then uses too.
    const chart = await compileChart({ spec, datasets, theme, width: WIDTH, height: HEIGHT, specFile: name });
    const oursSvg = chartToSvg(chart);
    const theirs = await vegaSvg(spec);
    pairs[name] = { chart, oursSvg, vegaSvg: theirs, ours: readSvg(oursSvg), vega: readSvg(theirs) };
  }
});

describe.each(Object.keys(specs))('SVG replay of the %s chart', (name) => {
  it('has the viewBox and size vega gives the chart', () => {
    const { ours, vega: theirs, chart } = pairs[name];
    const o = ours.find((e) => e.tag === 'svg')!;
    const v = theirs.find((e) => e.tag === 'svg')!;
    expect(o.attrs.viewBox).toBe(v.attrs.viewBox);
    expect(Number(o.attrs.width)).toBe(chart.width);
    expect(Number(o.attrs.height)).toBe(chart.height);
  });

  it('draws the same texts, in the same order, fonts and anchors, at the same places', () => {
    const o = texts(pairs[name].ours);
    const v = texts(pairs[name].vega);
    expect(o.map((t) => t.text)).toEqual(v.map((t) => t.text));
    expect(o.map((t) => t.text)).toEqual(pairs[name].chart.texts);
    expect(o.length).toBeGreaterThan(10);
    for (let i = 0; i < o.length; i++) {
      const what = `${o[i].text} (#${i})`;
      expect(Math.abs(o[i].x - v[i].x), what).toBeLessThan(0.05);
      expect(Math.abs(o[i].y - v[i].y), what).toBeLessThan(0.05);
      expect(o[i].angle, what).toBe(v[i].angle);
      expect(o[i].anchor, what).toBe(v[i].anchor);
      expect(o[i].size, what).toBe(v[i].size);
      expect(o[i].family, what).toBe(v[i].family);
      expect(o[i].weight, what).toBe(v[i].weight);
    }
  });

  it('paints the same shapes in the same colours at the same places', () => {
    const o = byPaint(shapes(pairs[name].ours));
    const v = byPaint(shapes(pairs[name].vega));
    expect([...o.keys()].sort()).toEqual([...v.keys()].sort());
    // Bars or lines, legend symbols, grid lines, ticks: fills and strokes in several colours.
    expect([...v.keys()].filter((k) => k.startsWith('fill')).length).toBeGreaterThanOrEqual(2);
    expect([...v.keys()].filter((k) => k.startsWith('stroke')).length).toBeGreaterThanOrEqual(2);
    expect([...v.values()].flat().length).toBeGreaterThan(15);
    for (const [paint, list] of v) {
      const mine = o.get(paint)!;
      expect(mine.length, paint).toBe(list.length);
      for (let i = 0; i < list.length; i++) {
        // Centres for every shape (vega writes circles as arcs, we as Béziers: end points differ).
        expect(Math.abs((mine[i].x1 + mine[i].x2) / 2 - (list[i].x1 + list[i].x2) / 2), paint).toBeLessThan(0.05);
        expect(Math.abs((mine[i].y1 + mine[i].y2) / 2 - (list[i].y1 + list[i].y2) / 2), paint).toBeLessThan(0.05);
      }
    }
  });
});

describe('SVG replay details', () => {
  it('draws bars as rectangles with the bars’ exact extents', () => {
    const v = readSvg(pairs.bar.vegaSvg).filter((e) => e.tag === 'path' && e.parent?.attrs.class?.includes('mark-rect'));
    const bars = shapes(v);
    const ours = shapes(pairs.bar.ours).filter((s) => bars.some((b) => b.paint === s.paint));
    expect(bars.length).toBe(8);
    for (const b of bars) {
      expect(ours.some((s) => [s.x1 - b.x1, s.y1 - b.y1, s.x2 - b.x2, s.y2 - b.y2].every((d) => Math.abs(d) < 0.05))).toBe(true);
    }
  });

  it('writes dashes, font weights and escaped text', () => {
    const svg = pairs.line.oursSvg;
    expect(svg).toMatch(/stroke-dasharray="[\d.,]+"/);
    expect(svg).toMatch(/font-weight="600"/);
    const chart = {
      ...pairs.bar.chart,
      ops: [['=font', '10px Source Sans 3'], ['fillText', 'A < B & C', 5, 5]] as ChartScene['ops'],
    };
    expect(chartToSvg(chart)).toContain('>A &lt; B &amp; C</text>');
  });

  it('defines gradients in user space and fills with them', () => {
    const chart = {
      ...pairs.bar.chart,
      ops: [
        ['linearGradient', 0, 0, 0, 100, 0], ['stop', 0, 0, '#1d5c63'], ['stop', 0, 1, 'rgba(201, 138, 43, 0.5)'],
        ['=fillStyle', { gradient: 0 }], ['fillRect', 0, 0, 100, 20],
      ] as ChartScene['ops'],
    };
    const svg = chartToSvg(chart, { idPrefix: 'g' });
    const [ox, oy] = chart.origin;
    expect(svg).toContain(`<linearGradient id="g-gradient0" gradientUnits="userSpaceOnUse" x1="${ox}" y1="${oy}" x2="${ox + 100}" y2="${oy}">`);
    expect(svg).toContain('<stop offset="1" stop-color="#c98a2b" stop-opacity="0.5"/>');
    expect(svg).toMatch(/<path d="[^"]+" fill="url\(#g-gradient0\)"\/>/);
  });

  it('keeps clipped drawing inside a clip path until the matching restore', () => {
    const chart = {
      ...pairs.bar.chart,
      ops: [
        ['save'], ['beginPath'], ['rect', 0, 0, 10, 10], ['clip'], ['=fillStyle', 'red'], ['fillRect', 0, 0, 20, 20], ['restore'],
        ['fillRect', 30, 0, 5, 5],
      ] as ChartScene['ops'],
    };
    const svg = chartToSvg(chart, { idPrefix: 't' });
    expect(svg).toMatch(/<clipPath id="t-clip0"><path d="[^"]+"\/><\/clipPath>/);
    expect(svg).toMatch(/<g clip-path="url\(#t-clip0\)"><path [^>]*fill="#ff0000"\/><\/g><path /);
  });
});
