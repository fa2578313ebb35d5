// Sources of data as the documents cite them: an entry of the sources list (with the sidecar's
// address and licence, when it gives them), and which plain tables a chart cites, since a
// plain table has no figure rows to carry a source.
import { fillString } from '../documents/fillString.js';
import type { DataSource, DataTable, Figure } from '../load/sourceTypes.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import { formatPeriod } from './formatPeriod.js';

/** The fixed text a sources-list entry uses, in the document's language. */
type SourceStrings = Pick<EngineStrings, 'sourceLicence'>;

/** One line of the sources list: "NOAA, 2012–2015. https://…. Licence: CC0." (the period only when given). */
export function sourceEntry(text: string, extra: { url?: string; licence?: string; period?: DataSource['period'] } | undefined, locale: string, strings: SourceStrings): string {
  const out = [text];
  const period = extra?.period && extra.period.kind !== 'undated' ? formatPeriod(extra.period, locale) : undefined;
  if (period && !text.includes(period)) out[0] += `, ${period}`;
  if (extra?.url) out.push(extra.url);
  if (extra?.licence) out.push(fillString(strings.sourceLicence, { licence: extra.licence }));
  return out.length === 1 ? out[0] : out.map((s) => s.replace(/\.$/, '')).join('. ') + '.';
}

/** The sources-list entry of a figure: its own source, or its file's with address and licence. */
export function figureSourceEntry(f: Figure, locale: string, strings: SourceStrings): string {
  return f.url || f.licence ? sourceEntry(f.source, { url: f.url, licence: f.licence }, locale, strings) : f.source;
}

/** The plain tables a chart reads, each with its sidecar's source. */
export function plainTables(names: readonly string[], tables: Map<string, DataTable>): (DataTable & { source: DataSource })[] {
  return names.map((n) => tables.get(n)).filter((t): t is DataTable & { source: DataSource } => t?.kind === 'plain' && !!t.source);
}
