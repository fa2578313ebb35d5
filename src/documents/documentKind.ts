// A document kind says how a resolved document becomes pages: the brief composes a cover,
// contents, body and closing page; the handout one sheet with callouts and a call to action.
// The engine (load → parse → resolve → layout → render) knows no kind by name: it reads a
// kind's template keys through `templateOptions`, and hands it the resolved document to compose
// from the engine's flow (src/layout/). Adding a kind is one folder here and one template.
import type { LaidOutDocument } from '../layout/pageTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { Translations } from '../strings/stringTable.js';

/** Reads the template keys a kind adds; a wrong value is reported with its file and line. */
export interface TemplateOptionReader {
  boolean(key: string, fallback: boolean): boolean;
  number(key: string, min: number, max: number, fallback: number): number;
  /** A length given in millimetres (a key ending in Mm), in points; the fallback is in points. */
  length(key: string, minMm: number, maxMm: number, fallbackPt: number): number;
  /** A colour: "#rrggbb", white, or the name of one of the template's colours; as "#rrggbb". */
  color(key: string, fallback: string): string;
}

/** Fixed text a kind prints ("Contents", "Please turn over"), by id. */
export type KindStrings = Readonly<Record<string, string>>;

export interface ComposeInput<O, S extends KindStrings> {
  doc: ResolvedDocument;
  template: Template;
  /** The kind's own template keys, as `templateOptions.read` made them. */
  options: O;
  paper: 'a4' | 'letter';
  /** The kind's fixed text in the document's language (the engine's is `doc.strings`). */
  strings: S;
}

export interface ComposedDocument {
  laid: LaidOutDocument;
  /** The type scale used: 1 unless the kind shrank the text to fit (copy-fitting). */
  scale: number;
  warnings: string[];
}

export interface DocumentKind<O = unknown, S extends KindStrings = KindStrings> {
  readonly name: string;
  /**
   * Template keys this kind adds to the engine's own (paper, margins, type, colours …); a key
   * in a map is written with a dot ("cover.bandHeight"), and the map takes no other keys.
   */
  readonly templateOptions: { readonly keys: readonly string[]; read(r: TemplateOptionReader): O };
  /** Fixed text the kind prints, in English: also the fallback for a language it has no table for. */
  readonly strings: S;
  /**
   * The same text in other languages, by language subtag (fr, es, vi, km …). A document's
   * `language` picks one; a project may change any string in content/strings/LANG.yaml.
   */
  readonly translations?: Translations<S>;
  /** The most columns the kind sets its text in (template key `columns`); 1 unless given. */
  readonly maxColumns?: number;
  /** Whether the kind can set a figure across all its columns (template key `figures: span`). */
  readonly spanFigures?: boolean;
  /** Size of chart text in points, unless the template sets chart.fontSize. */
  readonly chartFontSize: number;
  compose(input: ComposeInput<O, S>): ComposedDocument;
}

/** A kind of any options and strings, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDocumentKind = DocumentKind<any, any>;
