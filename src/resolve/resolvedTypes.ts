// The hand-off from resolve to layout: every value bound, every chart compiled, notes and
// figures numbered. Still nothing about pages.
import type { ChartDrawing } from '../charts/chartDrawing.js';
import type { SourcePlace } from '../errors.js';
import type { DocumentName, FrontMatter, ProjectConfig } from '../load/sourceTypes.js';
import type { Align, Marks } from '../parse/documentTypes.js';
import type { EngineStrings } from '../strings/engineStrings.js';
import type { Recipient } from '../recipients/recipientTypes.js';

export type RInline =
  | { kind: 'text'; text: string; marks: Marks; href?: string; dest?: string; lang?: string }
  | { kind: 'noteRef'; number: number; noteId: string }
  | { kind: 'lineBreak' };

export type RBlock =
  | { kind: 'heading'; level: number; inlines: RInline[]; id: string; text: string }
  | { kind: 'paragraph'; inlines: RInline[] }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: RBlock[][] }
  | { kind: 'quote'; blocks: RBlock[] }
  | { kind: 'code'; text: string }
  /** A table's place is where the author wrote it; one the engine makes (a chart's data appendix) has none. */
  | { kind: 'table'; align: Align[]; header: RInline[][]; rows: RInline[][][]; numeric: boolean[]; place?: SourcePlace }
  | { kind: 'rule' }
  | { kind: 'image'; data: Buffer; width: number; height: number; alt: string; src: string }
  | { kind: 'figure'; number: number; id: string; chart: ChartDrawing; caption: RInline[]; source: string; alt: string; name: string; data: FigureData; span?: true }
  | { kind: 'callout'; value: string; label: RInline[]; source: string; key: string }
  | { kind: 'closing'; blocks: RBlock[] }
  | { kind: 'cta'; blocks: RBlock[] }
  | { kind: 'signature'; blocks: RBlock[] };

/** What a chart draws, for a data appendix: every row, each table in reading order. */
export interface FigureData {
  /** False when the chart opts out of data appendices (`"usermeta": {"appendix": false}`). */
  appendix: boolean;
  /** The data files the chart reads, where its full data lives. */
  files: string[];
  tables: FigureTable[];
}

export type FigureTable =
  /** Data-file rows drawn as they are, by their value: each a figure, with its own source. */
  | { kind: 'figures'; rows: { label: string; value: string; year: string; source: string }[] }
  /** Rows the chart makes (cells, boxes, sums…) or data-file rows drawn by other columns. */
  | { kind: 'drawn'; columns: string[]; numeric: boolean[]; rows: string[][] };

export interface RNote {
  number: number;
  id: string;
  blocks: RBlock[];
}

export interface ResolvedDocument {
  name: DocumentName;
  file: string;
  meta: FrontMatter;
  config: ProjectConfig;
  blocks: RBlock[];
  /** Notes in order of first citation. */
  notes: RNote[];
  /** Every data source the document's figures and charts use, for the sources list. */
  sources: string[];
  warnings: { place: SourcePlace; message: string }[];
  /** The engine's fixed text in the document's language ("Figure {number}" …). */
  strings: EngineStrings;
  /** The recipient merge fields were filled in for; none in a proof or a document without them. */
  recipient?: Recipient;
}
