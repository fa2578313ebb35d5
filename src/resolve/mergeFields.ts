// Merge fields: `{{recipient.NAME}}` and `::: if recipient.NAME` sections, filled in for one
// recipient when a document is resolved for them. A value prints like a figure of its type
// (money, numbers, dates in the recipient's language). A field that is blank, with no
// fallback, is an error for that recipient with the place of the field and of the row:
// a letter never goes out as "Dear ,".
//
// Resolved with no recipient (`report build letter`), the document is a proof: every field
// prints as «NAME», and every field counts as present (so `::: if` sections show and
// `::: if not` sections do not).
import { formatPlace, type SourcePlace } from '../errors.js';
import { formatDate } from '../layout/documentInfo.js';
import type { Figure } from '../load/sourceTypes.js';
import type { FieldType, Recipient } from '../recipients/recipientTypes.js';
import { unreachable } from '../unreachable.js';
import { formatFigure } from './formatFigure.js';

/** A recipient, with what is needed to read their row. */
export interface MergeRecipient {
  recipient: Recipient;
  /** Columns of the recipients file. */
  columns: readonly string[];
  types: ReadonlyMap<string, FieldType>;
  /** Locale for numbers and dates when the row has no `language`. */
  locale: string;
}

export type FieldResult = { text: string } | { problem: string; hint: string };

/** The text `{{recipient.field | default: fallback}}` prints for `m` (a proof when undefined). */
export function fieldText(m: MergeRecipient | undefined, field: string, fallback: string | undefined): FieldResult {
  if (!m) return { text: `«${field}»` };
  const r = m.recipient;
  const v = fieldValue(r, field);
  if (v !== undefined) return { text: formatField(v, m.types.get(field) ?? 'text', r.language ?? m.locale) };
  if (fallback !== undefined) return { text: fallback };
  if (!m.columns.includes(field)) return noColumn(m, field);
  return {
    problem: `recipient ${r.id} (${formatPlace(r.place)}) has no ${field}`,
    hint: `fill it in, or give a fallback: {{recipient.${field} | default: "…"}}`,
  };
}

/** Whether `::: if recipient.field` keeps its section for `m`; an unknown column is a problem. */
export function fieldPresent(m: MergeRecipient | undefined, field: string): boolean | { problem: string; hint: string } {
  if (!m) return true;
  if (!m.columns.includes(field)) return noColumn(m, field);
  return fieldValue(m.recipient, field) !== undefined;
}

function fieldValue(r: Recipient, field: string): string | undefined {
  const v = r.fields.get(field);
  return v === undefined || v.trim() === '' ? undefined : v;
}

function noColumn(m: MergeRecipient, field: string): { problem: string; hint: string } {
  const file = m.recipient.place.file;
  return { problem: `the recipients file ${file} has no column "${field}"`, hint: `the columns are ${m.columns.join(', ')}` };
}

export function formatField(v: string, type: FieldType, locale: string): string {
  switch (type) {
    case 'text':
    case 'year':
      return v;
    case 'date':
      return formatDate(v, locale);
    case 'USD':
    case 'count':
    case 'people':
    case 'percent':
      return formatFigure(asFigure(v, type), locale);
    default:
      return unreachable(type, 'field type');
  }
}

/** A recipient's number as a figure, so it prints exactly as figures of that unit do. */
function asFigure(v: string, unit: string): Figure {
  const place: SourcePlace = { file: '' };
  return { key: 'recipient.value', label: '', value: Number(v), unit, year: 'n.d.', period: { kind: 'undated' }, source: '', row: {}, place };
}
