// The hand-off from load to parse: validated inputs, nothing parsed into a document yet.
import type { SourcePlace } from '../errors.js';
import type { FontSet } from '../fonts/fontRegistry.js';
import type { ConfigImage } from './brandConfig.js';
import type { BrandFontEntry } from './brandFonts.js';

/** A document's name in config.yaml; also its output file's name (`NAME.pdf`). */
export type DocumentName = string;
/** What a project builds when its config lists no documents. */
export const DEFAULT_DOCUMENTS: readonly DocumentName[] = ['brief', 'handout'];

export interface ContactDetails {
  /** True while the details are stand-ins (example.org); the closing page says so. */
  placeholder: boolean;
  website: string;
  donate: string;
  email: string;
  phone?: string;
  address?: string;
}

export interface ProjectConfig {
  organisation: { name: string; fullName?: string };
  locale: string;
  contact: ContactDetails;
  /** The documents to build, in the order config.yaml lists them. */
  documents: DocumentEntry[];
  /** The organisation's own fonts by role (load/brandConfig.ts), read into Source.fontSet. */
  fonts?: BrandFontEntry[];
  /** The organisation's logo (SVG or PNG), drawn where a kind has room for it. */
  logo?: ConfigImage;
  /** A picture for the brief's cover, under its band. */
  coverImage?: ConfigImage;
}

/** One document of the project: its Markdown, its kind (how pages are composed) and template. */
export interface DocumentEntry {
  name: DocumentName;
  /** Path relative to the project root, e.g. content/brief.md. */
  source: string;
  /** A registered document kind (src/documents/). */
  kind: string;
  /** Path relative to the project root, e.g. templates/brief.yaml. */
  template: string;
  place: SourcePlace;
}

export interface FrontMatter {
  title: string;
  subtitle?: string;
  organisation?: string;
  /** ISO date, YYYY-MM-DD. Also the PDF's creation date, so builds are reproducible. */
  date: string;
  language: string;
  /** The document's kind, when the author states it (it must agree with config.yaml). */
  template?: string;
  paper?: 'a4' | 'letter';
  /** The PDF's keywords. */
  keywords?: string[];
}

/** A cell of a data table as charts get it: empty cells are null, ISO dates stay ISO text. */
export type Cell = string | number | boolean | null;

/** What a sidecar may say a column holds, overriding how its cells look. */
export type ColumnType = 'number' | 'text' | 'date';

/** When a figure or table is from. */
export type Period =
  | { kind: 'year'; year: number }
  /** A span of years, both given in full: 2012-2015. */
  | { kind: 'range'; from: number; to: number }
  /** The day, month or year a count stood at: YYYY-MM-DD, YYYY-MM or YYYY. */
  | { kind: 'asOf'; date: string }
  /** The source gives no date (n.d.). */
  | { kind: 'undated' };

/** Where a whole data file comes from: its sidecar (`data/NAME.yaml`). */
export interface DataSource {
  /** Who published the data, as the sources list prints it. */
  text: string;
  period: Period;
  url?: string;
  licence?: string;
  note?: string;
  /** The sidecar's `source:` line. */
  place: SourcePlace;
}

/** One figure from a data file. `value` is a number unless unit is 'text'. */
export interface Figure {
  key: string;
  label: string;
  value: number | string;
  /** The unit's id in src/load/unitTable.ts (an alias in the file is stored as its id). */
  unit: string;
  /** The period as written, language-neutral: 2016, 2012–2015, as of 2026-03-01, or n.d. */
  year: string;
  period: Period;
  source: string;
  /** From the sidecar, when the figure's source is the file's. */
  url?: string;
  licence?: string;
  /** Exactly this many digits after the decimal point. */
  decimals?: number;
  /** Exactly this many significant digits. */
  digits?: number;
  /** Expression over other keys when the figure is computed, e.g. "a.x - a.y". */
  derived?: string;
  note?: string;
  /** Every column of the row, for charts (extra columns included). */
  row: Record<string, Cell>;
  place: SourcePlace;
}

export interface DataTable {
  name: string;
  file: string;
  /**
   * 'figures': the file has a key column, and each row is a figure prose can bind.
   * 'plain': a table for charts only; its source is its sidecar's.
   */
  kind: 'figures' | 'plain';
  /** Empty for a plain table. */
  figures: Figure[];
  /** The rows charts read, every column of the file. */
  rows: Record<string, Cell>[];
  /** The sidecar's source, when the file has one (always, for a plain table). */
  source?: DataSource;
}

export interface ChartSpecSource {
  name: string;
  file: string;
  spec: Record<string, unknown>;
  /** Names of the data tables the spec reads. */
  dataNames: string[];
  /** The spec's JSON text, to put a line to errors found only when the chart is compiled. */
  text?: string;
}

/** Markdown after includes are expanded, with a map back to the files the lines came from. */
export interface MarkdownSource {
  name: DocumentName;
  /** The document's kind and template file, from config.yaml. */
  kind: string;
  template: string;
  file: string;
  frontMatter: FrontMatter;
  body: string;
  /** lineMap[i] is where line i (0-based) of `body` came from. */
  lineMap: SourcePlace[];
}

/** A project's own fixed text for one language, from content/strings/LANG.yaml (checked). */
export interface StringOverride {
  /** Path relative to the project root, e.g. content/strings/fr.yaml. */
  file: string;
  /** The engine's strings it sets, by id. */
  engine: Readonly<Record<string, string>>;
  /** Each document kind's strings it sets: kind name → id → text. */
  kinds: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Source {
  root: string;
  config: ProjectConfig;
  documents: MarkdownSource[];
  tables: Map<string, DataTable>;
  figures: Map<string, Figure>;
  charts: Map<string, ChartSpecSource>;
  /** The project's fixed-text overrides, by language subtag (fr, vi …). */
  strings: ReadonlyMap<string, StringOverride>;
  /**
   * Data files and charts that exist but failed to load, by name, when the build goes on to
   * collect the errors of everything else: their own errors are reported, so references to
   * them are not reported again (as "no figure", "no chart").
   */
  unavailable?: { data: ReadonlySet<string>; charts: ReadonlySet<string> };
  /** The organisation's own fonts, read and checked (config.yaml `fonts:`); none: the built-in ones. */
  fontSet?: FontSet;
}
