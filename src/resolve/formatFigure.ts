// How a figure reads in prose, in the document's language: 4500000 people → "4.5 million",
// 99000000000 USD → "$99 billion", 1.65 percent → "1.65%", -7.1 °C → "−7.1 °C". Digits,
// separators, scale words and currency placement come from Intl for the language; units from
// the unit table (src/load/unitTable.ts); negatives get a real minus sign (U+2212), since a
// hyphen is shorter, sits lower and may be taken for a dash or a line-end hyphen.
import type { Figure } from '../load/sourceTypes.js';
import { findUnit, type PluralWords, type UnitDef } from '../load/unitTable.js';

/** How to format: the document's language, and room for more (the fixed strings pass theirs). */
export interface FormatOptions {
  /** BCP 47 tag of the document's language, e.g. en-GB, fr, km. */
  locale: string;
}

/** How many digits a number shows. Without either, at most two decimals. */
export interface Precision {
  /** Exactly this many digits after the decimal point (15.0 with 1). */
  decimals?: number;
  /** Exactly this many significant digits (4.57 million with 3). */
  digits?: number;
}

export interface NumberOptions extends FormatOptions, Precision {
  /** Write a million and more with the language's scale word (4.5 million, 4,5 millions). */
  scale?: boolean;
}

const SCALE_FROM = 1e6;
const MINUS = '\u2212';
// ES2023's 'negative' (no sign on a value that rounds to zero: "0", not "-0"); Node 20's Intl
// has it, TypeScript's lib for our target does not yet.
const NEGATIVE = 'negative' as unknown as Intl.NumberFormatOptions['signDisplay'];
const NBSP = '\u00a0';

// Number formats are costly to make (ICU data); each is kept, keyed by its options.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(o);
  let f = formats.get(key);
  if (!f) {
    if (formats.size > 500) formats.clear();
    formats.set(key, (f = new Intl.NumberFormat(locale, o)));
  }
  return f;
}

function rounding(p: Precision, fallbackMax = 2): Intl.NumberFormatOptions {
  if (p.digits !== undefined) return { minimumSignificantDigits: p.digits, maximumSignificantDigits: p.digits };
  if (p.decimals !== undefined) return { minimumFractionDigits: p.decimals, maximumFractionDigits: p.decimals };
  return { maximumFractionDigits: fallbackMax };
}

/** Intl's text with a real minus sign; a value that rounds to zero gets no sign at all. */
function format(v: number, locale: string, o: Intl.NumberFormatOptions): string {
  return numberFormat(locale, { signDisplay: NEGATIVE, ...o }).formatToParts(v)
    .map((p) => (p.type === 'minusSign' ? p.value.replace('-', MINUS) : p.value)).join('');
}

/** A plain number in the language: separators, decimals, scale words for millions when asked. */
export function formatNumber(v: number, o: NumberOptions): string {
  const compact: Intl.NumberFormatOptions = o.scale && Math.abs(v) >= SCALE_FROM ? { notation: 'compact', compactDisplay: 'long' } : {};
  return format(v, o.locale, { ...compact, ...rounding(o) });
}

/** A value in a unit from the unit table, e.g. formatValue(-7.1, '°C', { locale: 'en-GB' }) → "−7.1 °C". */
export function formatValue(v: number | string, unitId: string, o: FormatOptions & Precision): string {
  if (typeof v === 'string') return v;
  const unit = findUnit(unitId);
  if (!unit) throw new Error(`formatValue: unit "${unitId}" is not in the unit table`);
  return formatUnit(v, unit, o);
}

function formatUnit(v: number, unit: UnitDef, o: FormatOptions & Precision): string {
  const s = unit.style;
  const num = () => formatNumber(v, { ...o, scale: unit.scale });
  switch (s.kind) {
    case 'number':
      return num();
    case 'text':
      return String(v);
    case 'calendarYear':
      return format(v, o.locale, { useGrouping: false, maximumFractionDigits: 0 });
    case 'percent':
      return format(v, o.locale, { style: 'unit', unit: 'percent', ...rounding(o) });
    case 'currency':
      return formatCurrency(v, s.code, unit.scale, o);
    case 'symbol':
      return num() + NBSP + s.symbol;
    case 'intlLong':
      return format(v, o.locale, { style: 'unit', unit: s.unit, unitDisplay: 'long', ...rounding(o) });
    case 'words': {
      const words = wordsFor(s.words, o.locale);
      if (!words) return num() + (s.tight ? '' : NBSP) + s.fallback;
      // The plural form follows the number as printed: 1 tonne, 1.0 tonnes (in English). A
      // word is prose, so an ordinary space, as Intl's own long units ("5 years") have.
      const form = pluralRules(o.locale, rounding(o)).select(v) === 'one' ? words.one : words.other;
      return num() + ' ' + form;
    }
  }
}

/**
 * Currency placed by the language ($99, 99 $), with the scale word kept whole ("$99 billion",
 * not Intl's "$99bn": long compact currency is not in CLDR). Whole amounts print without cents.
 */
function formatCurrency(v: number, code: string, scale: boolean, o: FormatOptions & Precision): string {
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' };
  if (!(scale && Math.abs(v) >= SCALE_FROM)) {
    const cents = numberFormat(o.locale, base).resolvedOptions().maximumFractionDigits ?? 2;
    const p: Intl.NumberFormatOptions = o.digits !== undefined || o.decimals !== undefined ? rounding(o)
      : Number.isInteger(v) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
        : { minimumFractionDigits: cents, maximumFractionDigits: cents };
    return format(v, o.locale, { ...base, ...p });
  }
  // The currency's pattern around 1, with the number parts replaced by the scaled number.
  const amount = formatNumber(Math.abs(v), { ...o, scale: true });
  const parts = numberFormat(o.locale, { ...base, maximumFractionDigits: 0, signDisplay: NEGATIVE }).formatToParts(v < 0 ? -1 : 1);
  let placed = false;
  return parts.map((p) => {
    if (p.type === 'minusSign') return p.value.replace('-', MINUS);
    if (p.type === 'integer' || p.type === 'group' || p.type === 'decimal' || p.type === 'fraction') {
      if (placed) return '';
      placed = true;
      return amount;
    }
    return p.value;
  }).join('');
}

const plurals = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string, o: Intl.NumberFormatOptions): Intl.PluralRules {
  const key = locale + JSON.stringify(o);
  let r = plurals.get(key);
  if (!r) plurals.set(key, (r = new Intl.PluralRules(locale, o as Intl.PluralRulesOptions)));
  return r;
}

/** The words for the language: the full tag first (en-US), then the language (en). */
function wordsFor(table: Record<string, PluralWords>, locale: string): PluralWords | undefined {
  const tag = Intl.getCanonicalLocales(locale)[0] ?? locale;
  return table[tag] ?? table[tag.split('-')[0]];
}

/** A bound figure as prose prints it. `options` is the document's locale, or FormatOptions. */
export function formatFigure(f: Figure, options: string | FormatOptions): string {
  const o = typeof options === 'string' ? { locale: options } : options;
  return formatValue(f.value, f.unit, { ...o, decimals: f.decimals, digits: f.digits });
}
