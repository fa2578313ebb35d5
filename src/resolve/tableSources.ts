// Sources of data as the documents cite them: an entry of the sources list (with the sidecar's
// address and licence, when it gives them), and what a chart drawn from plain tables cites,
// since a plain table has no figure rows to carry a source.
import type { DataSource, DataTable, Figure } from '../load/sourceTypes.js';
import { formatNumber } from './formatFigure.js';
import { formatPeriod } from './formatPeriod.js';

/** One line of the sources list: "NOAA, 2012–2015. https://…. Licence: CC0." (the period only when given). */
export function sourceEntry(text: string, extra?: { url?: string; licence?: string; period?: DataSource['period'] }, locale = 'en'): string {
  const out = [text];
  const period = extra?.period && extra.period.kind !== 'undated' ? formatPeriod(extra.period, locale) : undefined;
  if (period && !text.includes(period)) out[0] += `, ${period}`;
  if (extra?.url) out.push(extra.url);
  if (extra?.licence) out.push(`Licence: ${extra.licence}`);
  return out.length === 1 ? out[0] : out.map((s) => s.replace(/\.$/, '')).join('. ') + '.';
}

/** The sources-list entry of a figure: its own source, or its file's with address and licence. */
export function figureSourceEntry(f: Figure): string {
  return f.url || f.licence ? sourceEntry(f.source, { url: f.url, licence: f.licence }) : f.source;
}

/** The plain tables a chart reads, each with its sidecar's source. */
export function plainTables(names: readonly string[], tables: Map<string, DataTable>): (DataTable & { source: DataSource })[] {
  return names.map((n) => tables.get(n)).filter((t): t is DataTable & { source: DataSource } => t?.kind === 'plain' && !!t.source);
}

/** A plain table's line in a chart's data listing: the file and its size, not its rows. */
export function plainTableRow(t: DataTable & { source: DataSource }, locale: string): { label: string; value: string; year: string; source: string } {
  return {
    label: t.file.replace(/^.*\//, ''),
    value: `${formatNumber(t.rows.length, { locale })} rows`,
    year: formatPeriod(t.source.period, locale),
    source: t.source.text,
  };
}
