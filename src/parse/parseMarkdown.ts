// The parse stage: markdown-it tokens → a DocumentTree. Raw HTML is never interpreted
// (markdown-it's html option is off, so it stays literal text), and link targets other than
// http, https, mailto and internal anchors are dropped with a warning.
import MarkdownIt, { type Token } from 'markdown-it';
import { ErrorList, InputError, didYouMean, type SourcePlace } from '../errors.js';
import type { MarkdownSource } from '../load/sourceTypes.js';
import { bindingPlugin, BINDING_OPS } from './bindingRule.js';
import { containerPlugin, CONTAINERS } from './containerRule.js';
import { danglingNotePlugin, type DanglingNoteMeta } from './danglingNoteRule.js';
import type { Align, Block, DocumentTree, Inline, Marks, Note } from './documentTypes.js';
import { slugify } from './slugify.js';

import footnoteModule from 'markdown-it-footnote';
import { checkMarkdownCounts } from './markdownCounts.js';
import { checkBlockCount } from './blockCount.js';

const footnote = footnoteModule as (md: InstanceType<typeof MarkdownIt>) => void;

/** Lists and block quotes may nest this deep (a list level takes two token levels: list, item). */
export const MAX_NESTING = 100;
/**
 * Text one paragraph (or heading, or table cell) may hold. Line breaking keeps every line of a
 * paragraph and its breakpoints in memory until the paragraph is set: a 1 MB paragraph took
 * 5 s and 480 MB, 5 MB 24 s and 1.7 GB. 256 KB is some 70 pages of one paragraph; a real one
 * is under 5 KB.
 */
export const MAX_PARAGRAPH_BYTES = 256 * 1024;
// markdown-it silently drops everything below its nesting limit; ours is checked in
// checkNesting so that deeper input fails with its line instead of losing text.
const TOKEN_NESTING = 2 * MAX_NESTING + 2;

let parser: InstanceType<typeof MarkdownIt> | undefined;
function markdown(): InstanceType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt('default', { html: false, linkify: false, typographer: true, maxNesting: TOKEN_NESTING });
    parser.use(footnote).use(danglingNotePlugin).use(containerPlugin).use(bindingPlugin);
    // Keep every link here and judge it in one place (safeHref) so the user gets a warning.
    parser.validateLink = () => true;
  }
  return parser;
}

export interface ParseResult {
  tree: DocumentTree;
  warnings: InputError[];
}

/**
 * Throws every problem of the document at once, unless `errors` is given: the problems are then
 * added to it and the tree of what could be read is returned, so a build can go on to resolve
 * it and report its binding errors in the same run. Nesting too deep still throws: markdown-it
 * has dropped text, and a tree without it would only lead to more confusing errors.
 */
export function parseMarkdown(src: MarkdownSource, errors?: ErrorList): ParseResult {
  const env: { footnotes?: { refs?: Record<string, number> } } = {};
  checkMarkdownCounts(src);
  const tokens = markdown().parse(src.body, env);
  checkBlockCount(src, tokens);
  const own = errors ?? new ErrorList();
  const b = new TreeBuilder(src, tokens, own);
  b.checkNesting();
  const blocks = b.blocks(0, tokens.length);
  b.uncitedNotes(env.footnotes?.refs ?? {});
  b.checkAnchors();
  if (!errors) own.throwIfAny();
  return { tree: { name: src.name, file: src.file, meta: src.frontMatter, blocks, notes: b.notes }, warnings: b.warnings };
}

class TreeBuilder {
  readonly notes = new Map<string, Note>();
  readonly warnings: InputError[] = [];
  private readonly usedIds = new Set<string>();
  /** Links to `#anchor`s: the inlines they cover, checked against the headings once all are read. */
  private readonly anchorLinks: { anchor: string; place: SourcePlace; inlines: Inline[]; from: number; to: number }[] = [];
  /** Names of the ::: blocks being built, outermost first. */
  private readonly openContainers: string[] = [];
  /** The body's lines, split when an inline's column is first looked up. */
  private bodyLines: string[] | undefined;
  constructor(private readonly src: MarkdownSource, private readonly tokens: Token[], private readonly errors: ErrorList) {}

  place(line0: number | undefined): SourcePlace {
    if (line0 === undefined) return { file: this.src.file };
    return this.src.lineMap[line0] ?? this.src.lineMap[this.src.lineMap.length - 1] ?? { file: this.src.file, line: line0 + 1 };
  }

  /**
   * A block (quote, list item, ::: block) opened at the parser's nesting limit has had its
   * content dropped by markdown-it. Paragraphs, headings and table cells hold inline content,
   * which is parsed apart and never dropped.
   */
  checkNesting(): void {
    const t = this.tokens.find((x, i) => x.nesting === 1 && x.level >= TOKEN_NESTING - 1 && this.tokens[i + 1]?.type !== 'inline'
      && !/^(table|thead|tbody|tr|th|td)_open$/.test(x.type));
    if (t) {
      throw new InputError(this.place(t.map?.[0]), `lists and block quotes are nested too deeply (more than ${MAX_NESTING} levels)`,
        `nest at most ${MAX_NESTING} levels; a reader cannot follow more than a few`);
    }
  }

  /** Index of the token closing the one opened at `i`. */
  private closeOf(i: number): number {
    let depth = 0;
    for (let j = i; j < this.tokens.length; j++) {
      depth += this.tokens[j].nesting;
      if (depth === 0) return j;
    }
    return this.tokens.length - 1;
  }

  blocks(from: number, to: number): Block[] {
    const out: Block[] = [];
    let i = from;
    while (i < to) {
      const t = this.tokens[i];
      const end = t.nesting === 1 ? this.closeOf(i) : i;
      const place = this.place(t.map?.[0]);
      switch (t.type) {
        case 'heading_open': {
          const level = Number(t.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6;
          const inlines = this.inlines(this.tokens[i + 1], t.map?.[0]);
          out.push({ kind: 'heading', level, inlines, id: this.uniqueId(plainText(inlines)), place });
          break;
        }
        case 'paragraph_open': {
          const image = this.soleImage(this.tokens[i + 1]);
          if (image) out.push({ kind: 'image', src: decodeLink(String(image.attrGet('src') ?? '')), alt: altText(image), place });
          else out.push({ kind: 'paragraph', inlines: this.inlines(this.tokens[i + 1], t.map?.[0]), place });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const items: Block[][] = [];
          let j = i + 1;
          while (j < end) {
            const c = this.closeOf(j);
            items.push(this.blocks(j + 1, c));
            j = c + 1;
          }
          const tight = this.tokens.slice(i, end).some((x) => x.type === 'paragraph_open' && x.hidden);
          out.push({ kind: 'list', ordered: t.type === 'ordered_list_open', start: Number(t.attrGet('start') ?? 1), tight, items, place });
          break;
        }
        case 'blockquote_open':
          out.push({ kind: 'quote', blocks: this.blocks(i + 1, end), place });
          break;
        case 'fence':
        case 'code_block':
          out.push({ kind: 'code', text: t.content.replace(/\n$/, ''), lang: t.info.trim(), place });
          break;
        case 'hr':
          out.push({ kind: 'rule', place });
          break;
        case 'table_open':
          out.push(this.table(i, end, place));
          break;
        case 'container_open': {
          const c = this.container(t, i, end, place);
          if (c) out.push(c);
          break;
        }
        case 'footnote_block_open':
          this.footnotes(i, end);
          break;
        case 'html_block':
          out.push({ kind: 'paragraph', inlines: [{ kind: 'text', text: t.content.trimEnd(), marks: { code: true } }], place });
          break;
        default:
          break;
      }
      i = end + 1;
    }
    return out;
  }

  /** The ::: block, or undefined when it is wrong (the problem is added to the errors). */
  private container(t: Token, i: number, end: number, place: SourcePlace): Block | undefined {
    const name = t.info;
    const arg = String((t.meta as { arg: string }).arg ?? '');
    this.openContainers.push(name);
    let inner: Block[];
    try {
      inner = this.blocks(i + 1, end);
    } finally {
      this.openContainers.pop();
    }
    if (!(t.meta as { closed: boolean }).closed) {
      // Inside another block, the ::: meant to close this one closed the outer block instead.
      const outer = this.openContainers[this.openContainers.length - 1];
      if (outer !== undefined) {
        this.errors.add(place, `"::: ${name}" cannot go inside "::: ${outer}": ::: blocks do not nest`, `close "::: ${outer}" with a line of ::: before this one`);
      } else this.errors.add(place, `"::: ${name}" is not closed`, 'add a line with only ::: after its content');
      return undefined;
    }
    const inlinesOf = (): Inline[] => {
      const ps = inner.filter((b) => b.kind === 'paragraph') as Extract<Block, { kind: 'paragraph' }>[];
      return ps.flatMap((p, k) => (k ? [{ kind: 'text', text: ' ', marks: {} } as Inline, ...p.inlines] : p.inlines));
    };
    switch (name as (typeof CONTAINERS)[number]) {
      case 'figure':
        if (!arg) {
          this.errors.add(place, '"::: figure" needs a chart name', 'write ::: figure NAME, where content/charts/NAME.vl.json exists');
          return undefined;
        }
        return { kind: 'figure', chart: arg, caption: inlinesOf(), place };
      case 'callout':
        if (!arg) {
          this.errors.add(place, '"::: callout" needs a figure key', 'write ::: callout file.key');
          return undefined;
        }
        return { kind: 'callout', key: arg, label: inlinesOf(), place };
      case 'closing':
        return { kind: 'closing', blocks: inner, place };
      case 'cta':
        return { kind: 'cta', blocks: inner, place };
      case 'signature':
        return { kind: 'signature', blocks: inner, place };
      case 'if': {
        const m = /^(not\s+)?recipient\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(arg);
        if (!m) throw new InputError(place, `"::: if ${arg}" must name a recipient field`, 'write ::: if recipient.NAME, or ::: if not recipient.NAME, where NAME is a column of the recipients file');
        return { kind: 'if', field: m[2], negate: !!m[1], blocks: inner, place };
      }
      default:
        this.errors.add(place, `unknown block "::: ${name}"`, `use one of: ${CONTAINERS.join(', ')}`);
        return undefined;
    }
  }

  private table(i: number, end: number, place: SourcePlace): Block {
    const align: Align[] = [];
    const header: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] | null = null;
    // Cells are placed on their own row's line (a binding in row 20 of a table is on line 20).
    let rowLine = this.tokens[i].map?.[0];
    let inHead = false;
    for (let j = i; j <= end; j++) {
      const t = this.tokens[j];
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') {
        row = [];
        rowLine = t.map?.[0] ?? rowLine;
      } else if (t.type === 'tr_close' && row) {
        if (inHead) header.push(...row);
        else rows.push(row);
        row = null;
      } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
        if (inHead) {
          const style = String(t.attrGet('style') ?? '');
          align.push(/right/.test(style) ? 'right' : /center/.test(style) ? 'center' : /left/.test(style) ? 'left' : null);
        }
        row.push(this.inlines(this.tokens[j + 1], rowLine));
      }
    }
    return { kind: 'table', align, header, rows, place };
  }

  private footnotes(i: number, end: number): void {
    for (let j = i + 1; j < end; j++) {
      const t = this.tokens[j];
      if (t.type !== 'footnote_open') continue;
      const c = this.closeOf(j);
      const label = String((t.meta as { label?: string; id: number }).label ?? (t.meta as { id: number }).id);
      // An empty note has no token with a line; its definition is then found in the text.
      const firstMap = this.tokens.slice(j, c).find((x) => x.map)?.map?.[0] ?? this.definitionLine(label);
      this.notes.set(label, { id: label, blocks: this.blocks(j + 1, c), place: this.place(firstMap) });
      j = c;
    }
  }

  /**
   * markdown-it-footnote drops a note no text cites without a word (its refs keep -1 for it):
   * warned here, at its definition, since a note is usually a source meant for some figure.
   */
  uncitedNotes(refs: Record<string, number>): void {
    for (const [key, id] of Object.entries(refs)) {
      if (id >= 0) continue;
      const label = key.slice(1);
      this.warnings.push(new InputError(this.place(this.definitionLine(label)), `footnote [^${label}] is never cited; it is left out`, `cite it with [^${label}] after the text it is about, or remove it`));
    }
  }

  /**
   * Internal links (`[text](#heading)`) jump to a heading of this document; one naming no heading
   * is a warning at its line, and its text is kept without the link.
   */
  checkAnchors(): void {
    for (const l of this.anchorLinks) {
      if (this.usedIds.has(l.anchor)) continue;
      const g = didYouMean(l.anchor, [...this.usedIds]);
      this.warnings.push(new InputError(l.place, `link target "#${l.anchor.slice(0, 80)}" names no heading of this document; the link was dropped`, g ? `did you mean "#${g}"?` : 'link to a heading by its id: its text in lower case, with hyphens for spaces, e.g. #the-history-that-shaped-it'));
      for (let i = l.from; i < l.to; i++) {
        const x = l.inlines[i];
        if ('href' in x && x.href !== undefined) delete x.href;
      }
    }
  }

  /** 0-based line of the first `[^label]:` in the body, if any. */
  private definitionLine(label: string): number | undefined {
    this.bodyLines ??= this.src.body.split('\n');
    const i = this.bodyLines.findIndex((l) => l.includes(`[^${label}]:`));
    return i < 0 ? undefined : i;
  }

  inlines(t: Token | undefined, line0: number | undefined): Inline[] {
    const out: Inline[] = [];
    if (!t?.children) return out;
    const marks: Marks = {};
    let href: string | undefined;
    const base = t.map?.[0] ?? line0;
    const bytes = Buffer.byteLength(t.content);
    if (bytes > MAX_PARAGRAPH_BYTES) {
      throw new InputError(this.place(base), `a paragraph of ${Math.ceil(bytes / 1024)} KB is over the limit of ${MAX_PARAGRAPH_BYTES / 1024} KB`, 'split it into paragraphs (a blank line between them)');
    }
    for (const c of t.children) {
      switch (c.type) {
        case 'text':
          if (c.content) out.push({ kind: 'text', text: c.content, marks: { ...marks }, href });
          break;
        case 'code_inline':
          out.push({ kind: 'text', text: c.content, marks: { ...marks, code: true }, href });
          break;
        case 'strong_open':
          marks.strong = true;
          break;
        case 'strong_close':
          marks.strong = false;
          break;
        case 'em_open':
          marks.em = true;
          break;
        case 'em_close':
          marks.em = false;
          break;
        case 'link_open':
          href = this.safeHref(String(c.attrGet('href') ?? ''), base);
          if (href?.startsWith('#')) {
            href = '#' + decodeLink(href.slice(1));
            this.anchorLinks.push({ anchor: href.slice(1), place: this.place(base), inlines: out, from: out.length, to: out.length });
          }
          break;
        case 'link_close':
          if (href?.startsWith('#')) this.anchorLinks[this.anchorLinks.length - 1].to = out.length;
          href = undefined;
          break;
        case 'softbreak':
          out.push({ kind: 'text', text: ' ', marks: { ...marks }, href });
          break;
        case 'hardbreak':
          out.push({ kind: 'lineBreak' });
          break;
        case 'footnote_ref':
          out.push({ kind: 'noteRef', noteId: String((c.meta as { label?: string; id: number }).label ?? (c.meta as { id: number }).id) });
          break;
        case 'report_binding': {
          const meta = c.meta as { op: string; arg: string; lineOffset: number; col: number };
          const place = this.inlinePlace(base, meta.lineOffset, meta.col, c.content);
          if (!(BINDING_OPS as readonly string[]).includes(meta.op)) {
            this.errors.add(place, `unknown binding "{{${meta.op} …}}"`, `use one of: ${BINDING_OPS.join(', ')}`);
            break;
          }
          out.push({ kind: 'binding', op: meta.op as Extract<Inline, { kind: 'binding' }>['op'], arg: meta.arg, marks: { ...marks }, href, place });
          break;
        }
        case 'report_dangling_note': {
          // An error, not a warning: like a binding to a figure that does not exist, it is a
          // reference to nothing, and the note it meant (usually a figure's source) is missing.
          const meta = c.meta as DanglingNoteMeta;
          const place = this.inlinePlace(base, meta.lineOffset, meta.col, c.content);
          const g = didYouMean(meta.label, meta.defined);
          this.errors.add(place, `footnote [^${meta.label}] is cited but never defined`,
            g ? `did you mean [^${g}]?` : `add its note on a line of its own: [^${meta.label}]: the note; or write \\[^${meta.label}] to print the brackets`);
          break;
        }
        case 'report_field': {
          const meta = c.meta as { field: string; fallback?: string; error?: string; lineOffset: number; col: number };
          const place = { ...this.place(base === undefined ? undefined : base + meta.lineOffset), col: meta.col };
          if (meta.error !== undefined) {
            this.errors.add(place, `"{{${meta.error}}}" is not a merge field`, 'write {{recipient.NAME}} or {{recipient.NAME | default: "text"}}, where NAME is a column of the recipients file');
            break;
          }
          out.push({ kind: 'field', field: meta.field, fallback: meta.fallback, marks: { ...marks }, href, place });
          break;
        }
        case 'image':
          // Only an image alone in its paragraph is placed (as a figure); inside text it would
          // have to sit on a line, so its description is shown instead.
          this.warnings.push(new InputError(this.place(base), `image "${c.attrGet('src')}" inside text is not placed; its description is shown`, 'put the image in a paragraph of its own'));
          // The description as plain text (markdown-it's `content` is the label's raw source,
          // with its emphasis markers and nested link syntax).
          out.push({ kind: 'text', text: altText(c), marks: { ...marks, em: true } });
          break;
        case 'html_inline':
          out.push({ kind: 'text', text: c.content, marks: { ...marks }, href });
          break;
        default:
          if (c.content) out.push({ kind: 'text', text: c.content, marks: { ...marks }, href });
      }
    }
    return out;
  }

  /** The image token of a paragraph that holds nothing else (whitespace aside). */
  private soleImage(inline: Token | undefined): Token | undefined {
    const kids = (inline?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
    return kids.length === 1 && kids[0].type === 'image' ? kids[0] : undefined;
  }

  private safeHref(href: string, line0: number | undefined): string | undefined {
    if (/^(https?:|mailto:)/i.test(href) || href.startsWith('#')) return href;
    this.warnings.push(new InputError(this.place(line0), `link target "${href.slice(0, 80)}" is not allowed and was dropped`, 'links may use http, https, mailto or #anchor'));
    return undefined;
  }

  /**
   * Where inline source `text` is, given its line within the block starting at `base` and its
   * column within the block's inline content. That column is the line's own in a paragraph, but
   * markdown-it strips list markers, quote marks, indentation and table pipes first, so the
   * text is looked for on the line as written: its first occurrence at or after that column.
   */
  private inlinePlace(base: number | undefined, lineOffset: number, col: number, text: string): SourcePlace {
    if (base === undefined) return { ...this.place(undefined), col };
    const line0 = base + lineOffset;
    this.bodyLines ??= this.src.body.split('\n');
    const raw = this.bodyLines[line0] ?? '';
    const at = raw.indexOf(text, col - 1);
    return { ...this.place(line0), col: at >= 0 ? at + 1 : col };
  }

  private uniqueId(text: string): string {
    const base = slugify(text) || 'section';
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }
}

/** An image's description as the HTML alt attribute would give it: its label's text, no markup. */
function altText(t: Token): string {
  if (!t.children) return t.content;
  return t.children.map((c) => (c.type === 'image' ? altText(c) : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content)).join('');
}

export function plainText(inlines: Inline[]): string {
  return inlines.map((x) => (x.kind === 'text' ? x.text : x.kind === 'binding' ? x.arg : x.kind === 'field' ? x.field : x.kind === 'lineBreak' ? ' ' : '')).join('');
}

/** markdown-it percent-encodes link targets (a space as %20, é as %C3%A9); files are named as written. */
function decodeLink(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
