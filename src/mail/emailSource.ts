// The message of a mailing (content/email.md by default): Markdown with front matter like the
// documents', merge fields and bound figures, no charts. The title is the subject and the
// subtitle the preheader (the line inboxes show after the subject); both may hold merge
// fields. Parsed once; resolved per recipient.
import { readInputText } from '../load/readInputFile.js';
import { InputError, type SourcePlace } from '../errors.js';
import { loadMarkdown } from '../load/loadMarkdown.js';
import type { Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { Block, DocumentTree, Inline } from '../parse/documentTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import { fieldText, type MergeRecipient } from '../resolve/mergeFields.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';

const FIELD = /\{\{\s*recipient\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*default:\s*"([^"]*)"\s*)?\}\}/g;

export interface EmailSource {
  tree: DocumentTree;
  /** Subject and preheader as paragraphs of text and fields, for the merge-field checks. */
  headers: DocumentTree;
  subject: { text: string; place: SourcePlace };
  preheader?: { text: string; place: SourcePlace };
  warnings: string[];
}

export interface ResolvedEmail {
  doc: ResolvedDocument;
  subject: string;
  preheader?: string;
}

export function loadEmail(root: string, file: string): EmailSource {
  const src = loadMarkdown(root, { name: 'email', source: file, kind: 'email', template: '', place: { file } });
  const { tree, warnings } = parseMarkdown(src);
  const walk = (bs: Block[]): void => bs.forEach((b) => {
    if (b.kind === 'figure') throw new InputError(b.place, `"::: figure ${b.chart}": charts cannot go in an email`, 'attach the brief (mail.attach) and refer to it instead');
    if ('blocks' in b) walk(b.blocks);
    if (b.kind === 'list') b.items.forEach(walk);
  });
  walk(tree.blocks);
  const lines = readInputText({ root, file, kind: 'markdown' }).split(/\r\n?|\n/);
  const lineOf = (key: string): SourcePlace => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return { file, line: i < 0 ? 1 : i + 1 };
  };
  const subject = { text: src.frontMatter.title, place: lineOf('title') };
  const preheader = src.frontMatter.subtitle ? { text: src.frontMatter.subtitle, place: lineOf('subtitle') } : undefined;
  const headers: DocumentTree = {
    ...tree,
    blocks: [subject, ...(preheader ? [preheader] : [])].map((h): Block => ({ kind: 'paragraph', inlines: fieldInlines(h.text, h.place), place: h.place })),
    notes: new Map(),
  };
  return { tree, headers, subject, preheader, warnings: warnings.map((w) => w.message) };
}

/** The message for one recipient (or a proof, without one). */
export async function resolveEmail(e: EmailSource, source: Source, template: Template, merge: MergeRecipient | undefined): Promise<ResolvedEmail> {
  const doc = await resolveDocument(e.tree, source, template, 480, () => Promise.reject(new Error('charts are refused when the email is loaded')), merge);
  return { doc, subject: mergeText(e.subject.text, e.subject.place, merge), preheader: e.preheader ? mergeText(e.preheader.text, e.preheader.place, merge) : undefined };
}

function mergeText(text: string, place: SourcePlace, merge: MergeRecipient | undefined): string {
  return text.replace(FIELD, (_, field: string, fallback: string | undefined) => {
    const r = fieldText(merge, field, fallback);
    if ('problem' in r) throw new InputError(place, r.problem, r.hint);
    return r.text;
  }).replace(/\s+/g, ' ').trim();
}

function fieldInlines(text: string, place: SourcePlace): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(FIELD)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index), marks: {} });
    out.push({ kind: 'field', field: m[1], fallback: m[2], marks: {}, place });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last), marks: {} });
  return out;
}
