// The recorded form of a chart: what a Canvas 2D context was asked to do, replayed exactly, and
// nothing else (a cache file is data; it cannot call arbitrary methods).
import { describe, expect, it } from 'vitest';
import { RecordingContext, replayChart, type ChartOp } from '../../../src/charts/chartDrawing.js';

class Spy {
  calls: unknown[][] = [];
  fillStyle: unknown = '#000000';
  createLinearGradient(...a: number[]) {
    const g = { stops: [] as unknown[], addColorStop: (o: number, c: string) => g.stops.push([o, c]), coords: a };
    this.calls.push(['linearGradient', ...a]);
    return g;
  }
  createRadialGradient(...a: number[]) {
    return this.createLinearGradient(...a);
  }
}
for (const m of ['save', 'restore', 'beginPath', 'moveTo', 'lineTo', 'arc', 'fill', 'stroke', 'setLineDash', 'fillText']) {
  (Spy.prototype as unknown as Record<string, unknown>)[m] = function (this: Spy, ...a: unknown[]) {
    this.calls.push([m, ...a]);
  };
}

describe('RecordingContext and replayChart', () => {
  it('records calls, property sets, dashes and gradients, and replays them in order', () => {
    const rec = new RecordingContext() as RecordingContext & Record<string, (...a: unknown[]) => void> & { fillStyle: unknown; lineWidth: number };
    rec.save();
    rec.beginPath();
    rec.moveTo(1, 2);
    rec.arc(5, 5, 3, 0, Math.PI, undefined);
    rec.setLineDash([4, 2]);
    const g = rec.createLinearGradient(0, 0, 10, 0);
    g.addColorStop(0, 'white');
    g.addColorStop(1, 'darkgreen');
    rec.fillStyle = g;
    rec.fill();
    rec.lineWidth = 2;
    rec.restore();
    // Reads see what was set, and save/restore scope it.
    expect(rec.lineWidth).toBe(1);

    const ops: ChartOp[] = JSON.parse(JSON.stringify(rec.ops));
    const spy = new Spy();
    replayChart(ops, spy as never);
    expect(spy.calls).toEqual([
      ['save'], ['beginPath'], ['moveTo', 1, 2], ['arc', 5, 5, 3, 0, Math.PI], ['setLineDash', [4, 2]],
      ['linearGradient', 0, 0, 10, 0], ['fill'], ['restore'],
    ]);
    expect((spy.fillStyle as { stops: unknown[] }).stops).toEqual([[0, 'white'], [1, 'darkgreen']]);
  });

  it('refuses calls and properties that are not part of drawing', () => {
    const spy = new Spy();
    expect(() => replayChart([['constructor']], spy as never)).toThrow(/unknown call constructor/);
    expect(() => replayChart([['=__proto__', null]], spy as never)).toThrow(/unknown property __proto__/);
    expect(spy.calls).toEqual([]);
  });

  it('measures text with the embedded fonts, as vega expects of a canvas', () => {
    const rec = new RecordingContext() as RecordingContext & { font: string };
    rec.font = '10px sans-serif';
    const narrow = rec.measureText('iii').width;
    const wide = rec.measureText('WWW').width;
    expect(narrow).toBeGreaterThan(0);
    expect(wide).toBeGreaterThan(narrow * 2);
  });
});

describe('recorded numbers', () => {
  it('keeps NaN and infinities through JSON, as a cache file must', () => {
    const rec = new RecordingContext() as RecordingContext & Record<string, (...a: unknown[]) => void> & { lineWidth: number };
    rec.translate(NaN, Infinity);
    rec.lineWidth = -Infinity;
    const spy: Record<string, unknown> & { calls: unknown[][] } = { calls: [], lineWidth: 1 };
    spy.translate = (...a: unknown[]) => spy.calls.push(['translate', ...a]);
    replayChart(JSON.parse(JSON.stringify(rec.ops)), spy as never);
    expect(spy.calls).toEqual([['translate', NaN, Infinity]]);
    expect(spy.lineWidth).toBe(-Infinity);
  });
});
