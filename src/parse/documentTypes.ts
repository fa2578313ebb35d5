// The hand-off from parse to resolve and layout: a document tree that knows nothing of pages.
import type { SourcePlace } from '../errors.js';
import type { DocumentName, FrontMatter } from '../load/sourceTypes.js';

export interface Marks {
  strong?: boolean;
  em?: boolean;
  code?: boolean;
}

export type Inline =
  | { kind: 'text'; text: string; marks: Marks; href?: string }
  /** `{{figure key}}`, `{{year key}}`, `{{source key}}`, `{{ref chart}}`: resolved into text later. */
  | { kind: 'binding'; op: 'figure' | 'year' | 'source' | 'ref'; arg: string; marks: Marks; href?: string; place: SourcePlace }
  /** `{{recipient.NAME | default: "…"}}`: the recipient's value, filled in when resolving for them. */
  | { kind: 'field'; field: string; fallback?: string; marks: Marks; href?: string; place: SourcePlace }
  | { kind: 'noteRef'; noteId: string }
  | { kind: 'lineBreak' };

export type Align = 'left' | 'right' | 'center' | null;

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[]; id: string; place: SourcePlace }
  | { kind: 'paragraph'; inlines: Inline[]; place: SourcePlace }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][]; place: SourcePlace }
  | { kind: 'quote'; blocks: Block[]; place: SourcePlace }
  | { kind: 'code'; text: string; lang: string; place: SourcePlace }
  | { kind: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][]; place: SourcePlace }
  | { kind: 'rule'; place: SourcePlace }
  /** An image alone in its paragraph: `![description](images/photo.png)`. */
  | { kind: 'image'; src: string; alt: string; place: SourcePlace }
  | { kind: 'figure'; chart: string; caption: Inline[]; place: SourcePlace }
  | { kind: 'callout'; key: string; label: Inline[]; place: SourcePlace }
  | { kind: 'closing'; blocks: Block[]; place: SourcePlace }
  | { kind: 'cta'; blocks: Block[]; place: SourcePlace }
  /** A letter's sign-off: the closing words, an optional signature image, the signer's name. */
  | { kind: 'signature'; blocks: Block[]; place: SourcePlace }
  /** `::: if recipient.NAME` (or `::: if not recipient.NAME`): kept only for recipients with (without) a value. */
  | { kind: 'if'; field: string; negate: boolean; blocks: Block[]; place: SourcePlace };

export interface Note {
  id: string;
  blocks: Block[];
  place: SourcePlace;
}

export interface DocumentTree {
  name: DocumentName;
  file: string;
  meta: FrontMatter;
  blocks: Block[];
  /** Footnotes by id, in order of definition. */
  notes: Map<string, Note>;
}
