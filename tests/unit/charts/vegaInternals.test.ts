// What src/charts/vegaInternals.ts relies on in vega and vega-scenegraph, checked against the
// installed versions: if one of these fails after an upgrade, the chart renderer is broken in
// that place (see the function's comment) even if other chart tests still pass.
import { afterEach, describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { RecordingContext } from '../../../src/charts/chartDrawing.js';
import {
  drawScene,
  overrideExpressionFunction,
  replaceTextWidth,
  sceneRoot,
  setDateParser,
  viewLayoutSize,
} from '../../../src/charts/vegaInternals.js';
import { packageVersion, sameMajorAtLeast } from '../../helpers/packageVersion.js';

const original = {
  width: vega.textMetrics.width,
  canvas: vega.textMetrics.canvas,
  date: vega.typeParsers.date,
  timeFormat: vega.expressionFunction('timeFormat'),
};
afterEach(() => {
  vega.textMetrics.width = original.width;
  vega.textMetrics.canvas = original.canvas;
  vega.typeParsers.date = original.date;
  vega.expressionFunction('timeFormat', original.timeFormat);
});

async function viewOf(spec: vega.Spec): Promise<vega.View> {
  const view = new vega.View(vega.parse(spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  await view.runAsync();
  return view;
}

interface Item {
  marktype?: string;
  items?: Item[];
  bounds?: { x1: number; x2: number };
}

const textSpec = (limit?: number): vega.Spec => ({
  width: 200,
  height: 50,
  padding: 0,
  autosize: 'none',
  marks: [
    {
      type: 'group',
      clip: true,
      encode: { enter: { width: { value: 200 }, height: { value: 50 } } },
      marks: [
        { type: 'rect', encode: { enter: { x: { value: 1 }, y: { value: 2 }, width: { value: 30 }, height: { value: 10 }, fill: { value: 'red' } } } },
        { type: 'text', encode: { enter: { x: { value: 5 }, y: { value: 20 }, text: { value: 'abcdefgh' }, fontSize: { value: 10 }, ...(limit ? { limit: { value: limit } } : {}) } } },
      ],
    },
  ],
});

function textItem(view: vega.View): Item {
  const find = (n: Item): Item | undefined =>
    n.marktype === 'text' ? n.items![0] : (n.items ?? []).map(find).find(Boolean);
  return find(sceneRoot<Item>(view))!;
}

describe('vega versions', () => {
  it('are the ones vegaInternals.ts was written against (vega 6.4+, vega-scenegraph 5.3+)', () => {
    expect(sameMajorAtLeast(vega.version, '6.4.0'), `vega ${vega.version}`).toBe(true);
    const sg = packageVersion('vega-scenegraph');
    expect(sameMajorAtLeast(sg, '5.3.0'), `vega-scenegraph ${sg}`).toBe(true);
  });
});

describe('replaceTextWidth', () => {
  it('changes how vega lays out text, and canvas() no longer switches measurers', async () => {
    expect(typeof vega.textMetrics.width).toBe('function');
    expect(typeof vega.textMetrics.canvas).toBe('function');
    replaceTextWidth(() => 123);
    vega.textMetrics.canvas(true);
    const b = textItem(await viewOf(textSpec())).bounds!;
    expect(b.x2 - b.x1).toBe(123);
  });

  it('is what vega truncates text with when drawing', async () => {
    // 10 pt per character: a limit of 45 leaves room for 3 characters and the ellipsis.
    replaceTextWidth((_item, text) => String(text ?? '').length * 10);
    const ctx = new RecordingContext();
    drawScene(ctx, sceneRoot(await viewOf(textSpec(45))));
    expect(ctx.ops.find((op) => op[0] === 'fillText')![1]).toBe('abc\u2026');
  });
});

describe('overrideExpressionFunction', () => {
  it('replaces a built-in function for interpreted expressions', async () => {
    expect(typeof vega.expressionFunction('utcFormat')).toBe('function');
    overrideExpressionFunction('timeFormat', () => 'overridden');
    const view = await viewOf({ signals: [{ name: 's', update: "timeFormat(0, '%Y')" }] });
    expect(view.signal('s')).toBe('overridden');
  });
});

describe('setDateParser', () => {
  it('parses the date type of data format.parse', () => {
    setDateParser((v) => `parsed ${String(v)}`);
    const rows = vega.read('d\n2020-01-01\n', { type: 'csv', parse: { d: 'date' } }) as { d: unknown }[];
    expect(rows[0].d).toBe('parsed 2020-01-01');
  });
});

describe('viewLayoutSize and sceneRoot', () => {
  it('read the size vega laid the view out in and the root group mark', async () => {
    const view = await viewOf({ width: 200, height: 80, padding: 5, autosize: { type: 'fit', contains: 'padding' } });
    expect(viewLayoutSize(view)).toEqual({ width: 190, height: 70 });
    const root = sceneRoot<Item>(view);
    expect(root.marktype).toBe('group');
    expect(Array.isArray(root.items)).toBe(true);
  });
});

describe('drawScene', () => {
  it('has a canvas drawer for every mark type', () => {
    for (const type of ['arc', 'area', 'group', 'image', 'line', 'path', 'rect', 'rule', 'shape', 'symbol', 'text', 'trail']) {
      expect(typeof vega.Marks[type]?.draw, type).toBe('function');
    }
  });

  it('draws nested marks through the stand-in renderer, clipped groups clipped', async () => {
    replaceTextWidth(() => 10);
    const ctx = new RecordingContext();
    drawScene(ctx, sceneRoot(await viewOf(textSpec())));
    const names = ctx.ops.map((op) => op[0]);
    // The group's clip (its box), then its children: the rect and the text.
    expect(names).toEqual(expect.arrayContaining(['clip', 'rect', 'fill', 'fillText']));
    expect(names.indexOf('clip')).toBeLessThan(names.indexOf('fill'));
    expect(ctx.ops).toContainEqual(['rect', 0, 0, 200, 50]);
    expect(ctx.ops).toContainEqual(['fillText', 'abcdefgh', 5, 20]);
  });
});
