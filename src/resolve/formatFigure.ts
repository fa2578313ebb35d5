// How a figure reads in prose, in the document's locale: 4500000 people → "4.5 million".
import type { Figure } from '../load/sourceTypes.js';

const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

function compact(v: number, locale: string): string {
  for (const [n, word] of SCALES) {
    if (Math.abs(v) >= n) {
      const x = v / n;
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(x)} ${word}`;
    }
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
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
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v) + '%';
    case 'year':
      return String(v);
    case 'multiple':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)} times`;
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  }
}
