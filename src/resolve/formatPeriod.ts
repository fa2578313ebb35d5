// What {{year KEY}} prints: 2016, 2012–2015 (an en dash, as ranges are set), "as of 1 March
// 2026" with the date written the language's way, or n.d.
import type { Period } from '../load/sourceTypes.js';
import type { FormatOptions } from './formatFigure.js';

/**
 * "As of" a date, per language ({date} is replaced). A language without an entry gets English:
 * add a line here when a document in a new language uses "as of" figures.
 */
export const AS_OF: Record<string, string> = {
  en: 'as of {date}',
  fr: 'au {date}',
  de: 'Stand {date}',
  es: 'a {date}',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, parts: 1 | 2 | 3): Intl.DateTimeFormat {
  const key = `${locale}/${parts}`;
  let f = dateFormats.get(key);
  if (!f) {
    // UTC throughout: the date is a calendar day, and must not move with the machine's zone.
    const o: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', ...(parts > 1 ? { month: 'long' } : {}), ...(parts > 2 ? { day: 'numeric' } : {}) };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, o)));
  }
  return f;
}

/** An ISO date of one to three parts (2026, 2026-03, 2026-03-01) in the language. */
export function formatIsoDate(iso: string, o: FormatOptions): string {
  const parts = iso.split('-').map(Number);
  const [y, m = 1, d = 1] = parts;
  return dateFormat(o.locale, parts.length as 1 | 2 | 3).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatPeriod(p: Period, options: string | FormatOptions): string {
  const o = typeof options === 'string' ? { locale: options } : options;
  switch (p.kind) {
    case 'year': return String(p.year);
    case 'range': return `${p.from}\u2013${p.to}`;
    case 'undated': return 'n.d.';
    case 'asOf': {
      const lang = (Intl.getCanonicalLocales(o.locale)[0] ?? 'en').split('-')[0];
      return (AS_OF[lang] ?? AS_OF.en).replace('{date}', formatIsoDate(p.date, o));
    }
  }
}
