// How a figure reads in prose, in the document's locale: 4500000 people → "4.5 million".
import type { Figure } from '../load/sourceTypes.js';

const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

// Number formats are costly to make (ICU data); one per locale is kept.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f;
}

function compact(v: number, locale: string): string {
  for (const [n, word] of SCALES) {
    if (Math.abs(v) >= n) {
      const x = v / n;
      return `${numberFormat(locale).format(x)} ${word}`;
    }
  }
  return numberFormat(locale).format(v);
}

export function formatFigure(f: Figure, locale: string): string {
  const v = f.value;
  if (typeof v === 'string') return v;
  switch (f.unit) {
    case 'people':
    case 'count':
      return compact(v, locale);
    case 'USD':
      return '$' + compact(v, locale);
    case 'percent':
      return numberFormat(locale).format(v) + '%';
    case 'year':
      return String(v);
    case 'multiple':
      return `${numberFormat(locale).format(v)} times`;
    default:
      return numberFormat(locale).format(v);
  }
}
