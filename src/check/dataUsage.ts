// Data nobody reads: a data file no document binds and no chart reads, and rows of the other
// files that no document binds and no placed chart draws. Either is usually a figure the
// author meant to use (or a leftover that a reader of the data would take as current). Only
// checked when every document of the project was checked: a figure bound only in a document
// left out of the run is not unused.
import type { RBlock, ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { Check, CheckContext } from './checkTypes.js';
import type { Diagnostic } from './diagnostic.js';
import { blockInlines, walkBlocks } from './proseText.js';

/** Keys of every figure some document binds or some placed chart draws (with what a used derived figure is computed from). */
export function usedFigureKeys(ctx: CheckContext): Set<string> {
  const used = new Set<string>();
  for (const d of ctx.documents) {
    if (!d.tree) continue;
    const placed = new Set<string>();
    walkBlocks(d.tree, (b) => {
      if (b.kind === 'callout') used.add(b.key);
      if (b.kind === 'figure') placed.add(b.chart);
      for (const x of blockInlines(b).flat()) if (x.kind === 'binding' && x.op !== 'ref') used.add(x.arg);
    });
    for (const chart of placed) {
      const drawn = drawnKeys(d.resolved, chart);
      // Not compiled (the document has errors) or drawing no keyed rows: every row it reads,
      // as the sources line then cites them all.
      if (drawn?.length) drawn.forEach((k) => used.add(k));
      else for (const t of ctx.source.charts.get(chart)?.dataNames ?? []) ctx.source.tables.get(t)?.figures.forEach((f) => used.add(f.key));
    }
  }
  for (const key of [...used]) addOperands(ctx, key, used, 0);
  return used;
}

function addOperands(ctx: CheckContext, key: string, used: Set<string>, depth: number): void {
  const expr = ctx.source.figures.get(key)?.derived;
  if (!expr || depth > 32) return;
  for (const k of expr.match(/[a-z0-9_]+(?:\.[a-z0-9_]+)+/g) ?? []) {
    if (!used.has(k)) used.add(k);
    addOperands(ctx, k, used, depth + 1);
  }
}

function drawnKeys(r: ResolvedDocument | undefined, chart: string): string[] | undefined {
  let found: string[] | undefined;
  const visit = (bs: RBlock[]) => {
    for (const b of bs) {
      if (b.kind === 'figure' && b.name === chart) found = b.chart.datumKeys;
      else if (b.kind === 'list') b.items.forEach(visit);
      else if (b.kind === 'quote' || b.kind === 'closing' || b.kind === 'cta') visit(b.blocks);
    }
  };
  if (r) visit(r.blocks);
  return found;
}

export const unusedDataCheck: Check = {
  rule: 'unused-data',
  run(ctx) {
    if (!ctx.allDocuments) return [];
    const used = usedFigureKeys(ctx);
    const read = new Set([...ctx.source.charts.values()].flatMap((c) => c.dataNames));
    const out: Diagnostic[] = [];
    for (const t of ctx.source.tables.values()) {
      if (ctx.source.unavailable?.data.has(t.name) || read.has(t.name) || t.figures.some((f) => used.has(f.key))) continue;
      out.push({
        severity: 'warning', rule: this.rule, place: { file: t.file },
        message: `${t.file} is not used: no document binds its figures and no chart reads it`,
        hint: `bind its figures with {{figure ${t.name}.NAME}}, draw them in a chart, or remove the file`,
      });
    }
    return out;
  },
};

export const unboundFigureCheck: Check = {
  rule: 'unbound-figure',
  run(ctx) {
    if (!ctx.allDocuments) return [];
    const used = usedFigureKeys(ctx);
    const out: Diagnostic[] = [];
    for (const t of ctx.source.tables.values()) {
      // A whole file unused is one warning (unused-data), not one a row.
      if (ctx.source.unavailable?.data.has(t.name) || !t.figures.some((f) => used.has(f.key))) continue;
      for (const f of t.figures) {
        if (used.has(f.key)) continue;
        out.push({
          severity: 'warning', rule: this.rule, place: f.place,
          message: `figure ${f.key} is never used: no document binds it and no chart in a document draws it`,
          hint: `bind it with {{figure ${f.key}}}, or remove the row`,
        });
      }
    }
    return out;
  },
};
