// Numbers typed into prose instead of bound to a data file. Every figure a document states
// should come from a data row with its source and year ({{figure KEY}}): a number typed into
// the text has neither, and silently goes stale when the data is updated.
//
// The rule, on the text of paragraphs, headings, list items, quotes, table cells, captions,
// callout labels and footnotes (not code, not link text, not bindings):
// - a number with a currency sign before it ($ US$ € £ ¥ ៛, or USD EUR GBP KHR and a space), or
//   with a percentage or magnitude after it (%, percent, per cent, thousand, million, billion,
//   trillion; or bn, mn, m, k written against it), is a statistic;
// - so is any number of 1,000 or more: written with digit grouping (4,500,000; 4 500 000 with
//   no-break or thin spaces), or with four or more digits before any decimal point, except a
//   plain four-digit year from 1800 to 2099 (1975, 2016);
// - anything else is not (three roles, 15 children, 1.65, 2016–17, the 1990s).
// A number glued to letters (G20, A4, 4x4, the 1990s) is a name or a decade, not a figure, and
// is not matched.
import type { Figure } from '../load/sourceTypes.js';
import type { Check } from './checkTypes.js';
import type { Diagnostic } from './diagnostic.js';
import { proseBlocks } from './proseText.js';
import { SourceLines } from './sourceLines.js';

export interface TypedNumber {
  /** What was matched, as written (currency and unit included). */
  text: string;
  /** Offset of the match in the text searched. */
  index: number;
  /** The value it states, read the English way (1,000.5), with its magnitude applied. */
  value: number;
  kind: 'money' | 'percent' | 'number';
}

const SEP = '[.,\\u00A0\\u202F\\u2009]';
const NUMBER = new RegExp(
  '(?<![\\p{L}\\p{N}_.,])' +
  '(?<cur>(?:US\\$|[$€£¥៛])\\s?|(?:USD|EUR|GBP|KHR)\\s)?' +
  `(?<num>\\d+(?:${SEP}\\d+)*)` +
  '(?<unit>\\s?(?:%|per\\s?cent\\b|percent\\b|thousand\\b|million\\b|billion\\b|trillion\\b)|(?:bn|mn|m|k)\\b)?' +
  '(?![\\p{L}\\p{N}_])',
  'gu',
);
const GROUPED = new RegExp(`^\\d{1,3}(?:${SEP}\\d{3})+(?:[.,]\\d+)?$`);
const MAGNITUDE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

export const isPlausibleYear = (digits: string): boolean => /^\d{4}$/.test(digits) && Number(digits) >= 1800 && Number(digits) <= 2099;

/** The statistics typed into `text` (see the rule above), in order. */
export function findTypedNumbers(text: string): TypedNumber[] {
  const out: TypedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const { cur, num, unit } = m.groups as { cur?: string; num: string; unit?: string };
    const u = unit?.replace(/\s+/g, '').toLowerCase();
    const percent = u === '%' || u === 'percent';
    const large = GROUPED.test(num) || (/^\d{4,}/.test(num) && !isPlausibleYear(num));
    if (!cur && !u && !large) continue;
    const value = Number(num.replace(/[,\u00A0\u202F\u2009]/g, '')) * (MAGNITUDE[u ?? ''] ?? 1);
    out.push({ text: m[0], index: m.index, value, kind: cur ? 'money' : percent ? 'percent' : 'number' });
  }
  return out;
}

/** A data figure stating exactly this value (in a fitting unit), to suggest binding it. */
export function figureWithValue(n: TypedNumber, figures: Iterable<Figure>): Figure | undefined {
  for (const f of figures) {
    if (typeof f.value !== 'number' || f.unit === 'year') continue;
    if (n.kind === 'percent' && f.unit !== 'percent') continue;
    if (n.kind === 'money' && f.unit !== 'USD') continue;
    if (Math.abs(f.value - n.value) <= 1e-9 * Math.max(1, Math.abs(n.value))) return f;
  }
  return undefined;
}

export const typedNumberCheck: Check = {
  rule: 'typed-number',
  run(ctx) {
    const out: Diagnostic[] = [];
    const lines = new SourceLines(ctx.documents.map((d) => d.markdown));
    const figures = [...ctx.source.figures.values()];
    for (const d of ctx.documents) {
      for (const block of d.tree ? proseBlocks(d.tree) : []) {
        const find = lines.cursor(block.place);
        for (const run of block.runs) {
          for (const n of findTypedNumbers(run)) {
            const f = figureWithValue(n, figures);
            out.push({
              severity: 'warning', rule: this.rule, place: find(n.text),
              message: `"${n.text}" is typed into the text, so it has no source or year`,
              hint: f ? `write {{figure ${f.key}}}, which has this value` : 'put it in a data file with its source and year and write {{figure KEY}}',
            });
          }
        }
      }
    }
    return out;
  },
};
