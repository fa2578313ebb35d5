// A recipients file (a donor list) as the merge and mail stages see it: one row per person,
// each with the place it came from, so every problem with a row can name its file and line.
import type { SourcePlace } from '../errors.js';

/**
 * How a column's values are read and printed. The figure units format like figures in the
 * documents (`USD` → "$250"); `date` is an ISO date printed in the recipient's language;
 * `text` is printed as written.
 */
export const FIELD_TYPES = ['text', 'date', 'USD', 'count', 'people', 'percent', 'year'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The columns every recipients file has. */
export const REQUIRED_COLUMNS = ['id', 'email', 'name'] as const;

export interface Recipient {
  /** Stable identifier: names the recipient's PDF ({id}.pdf) and keys the send journal. */
  id: string;
  email: string;
  name: string;
  /** BCP 47 tag from the `language` column, if the row has one. */
  language?: string;
  /** Every non-empty cell of the row, by column, trimmed. */
  fields: ReadonlyMap<string, string>;
  /** The row in its file (1-based line of a CSV record, or of a JSON object's opening brace). */
  place: SourcePlace;
}

export interface RecipientList {
  /** Path as printed in messages: relative to the project root when inside it. */
  file: string;
  /** Columns in file order. */
  columns: string[];
  /** Declared column types (config.yaml recipients.columns); undeclared columns are text. */
  types: ReadonlyMap<string, FieldType>;
  recipients: Recipient[];
}
