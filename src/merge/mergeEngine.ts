// Builds each recipient's PDF inside one build session: the project is loaded and parsed
// once, charts compiled once, and a document with nothing to fill in (the brief) is laid out
// and rendered once and copied into every recipient's PDF (concatPdfs.ts). Only what changes
// per recipient is resolved, laid out and rendered again, and the session's memos keep the
// paragraphs that do not change (a letter's unchanged paragraphs are not broken again).
// Deterministic: a recipient's PDF has the same bytes whichever recipients came before it.
import { setFontSet } from '../fonts/fontRegistry.js';
import { BuildSession } from '../build/buildSession.js';
import { compileCached } from '../build/chartCache.js';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import type { AnyDocumentKind } from '../documents/documentKind.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { formatPlace } from '../errors.js';
import { pageBox } from '../layout/pageGeometry.js';
import { loadProject } from '../load/loadProject.js';
import { loadTemplate } from '../load/loadTemplate.js';
import type { DocumentName, Source } from '../load/sourceTypes.js';
import { figureWidth, type Template } from '../load/templateTypes.js';
import type { DocumentTree } from '../parse/documentTypes.js';
import { parseMarkdown } from '../parse/parseMarkdown.js';
import type { Recipient, RecipientList } from '../recipients/recipientTypes.js';
import { resolveDocument } from '../resolve/resolveDocument.js';
import { pdfTarget } from '../targets/pdfTarget.js';
import type { TargetDocument } from '../targets/target.js';
import { concatPdfs } from './concatPdfs.js';
import { parsePdf, type ParsedPdf } from './pdfObjects.js';
import { usesRecipient } from './usesRecipient.js';
import { kindStringsFor } from '../strings/documentStrings.js';

export interface MergeEngineOptions {
  root: string;
  /** The documents of each recipient's PDF, in reading order. */
  documents: readonly DocumentName[];
  list: RecipientList;
  paper?: 'a4' | 'letter';
  session?: BuildSession;
  kinds?: readonly AnyDocumentKind[];
}

export interface MergedPdf {
  pdf: Buffer;
  pages: number;
  warnings: string[];
}

interface Prepared {
  name: DocumentName;
  tree: DocumentTree;
  template: Template;
  kind: AnyDocumentKind;
  paper: 'a4' | 'letter';
  width: number;
  /** Built once for everyone when the document has nothing to fill in. */
  shared?: { pdf: Buffer; parsed: ParsedPdf; pages: number };
}

export class MergeEngine {
  /** Warnings of the shared documents and the parse stage (once, not per recipient). */
  readonly warnings: string[] = [];

  private constructor(
    readonly session: BuildSession,
    readonly source: Source,
    private readonly docs: Prepared[],
    private readonly list: RecipientList,
  ) {}

  /** The parsed documents, e.g. to check every recipient's fields before building (mergeProblems). */
  get trees(): DocumentTree[] {
    return this.docs.map((d) => d.tree);
  }

  static async open(opts: MergeEngineOptions): Promise<MergeEngine> {
    const session = opts.session ?? new BuildSession();
    return session.run(async () => {
      const kinds = new KindRegistry([...BUILT_IN_KINDS, ...(opts.kinds ?? [])]);
      const source = loadProject(opts.root, kinds, opts.documents);
      setFontSet(source.fontSet);
      const warnings: string[] = [];
      const docs = opts.documents.map((name): Prepared => {
        const src = source.documents.find((d) => d.name === name)!;
        const kind = kinds.get(src.kind)!;
        const template = loadTemplate(opts.root, src.template, kind, session.templates);
        const { tree, warnings: w } = parseMarkdown(src);
        warnings.push(...w.map((x) => x.message));
        const paper = opts.paper ?? tree.meta.paper ?? template.paper;
        const width = figureWidth(template, pageBox(template, paper).content(1).width);
        return { name, tree, template, kind, paper, width };
      });
      const engine = new MergeEngine(session, source, docs, opts.list);
      engine.warnings.push(...warnings);
      return engine;
    });
  }

  /** Lays out and renders the documents nobody's fields change (build does it on first use). */
  prepareShared(): Promise<void> {
    this.shared ??= this.session.run(async () => {
      for (const d of this.docs) {
        if (usesRecipient(d.tree)) continue;
        const built = await this.buildDocument(d, undefined);
        this.warnings.push(...built.warnings);
        d.shared = { pdf: built.pdf, parsed: parsePdf(built.pdf), pages: built.pages };
      }
    });
    return this.shared;
  }

  private shared: Promise<void> | undefined;

  /** The recipient's PDF: their documents in order, as one file. */
  async build(recipient: Recipient): Promise<MergedPdf> {
    await this.prepareShared();
    return this.session.run(async () => {
      const parts: { pdf: Buffer; pages: number; shared: boolean; parsed?: ParsedPdf }[] = [];
      const warnings: string[] = [];
      for (const d of this.docs) {
        if (d.shared) {
          parts.push({ ...d.shared, shared: true });
          continue;
        }
        const built = await this.buildDocument(d, recipient);
        warnings.push(...built.warnings);
        parts.push({ pdf: built.pdf, pages: built.pages, shared: false });
      }
      const pages = parts.reduce((n, p) => n + p.pages, 0);
      if (parts.length === 1) return { pdf: parts[0].pdf, pages, warnings };
      // Shared parts first, so the first of them keeps its object numbers and is copied as is.
      const numbering = [...parts.keys()].sort((a, b) => Number(parts[b].shared) - Number(parts[a].shared));
      const pdfs = numbering.map((i) => parts[i].parsed ?? parsePdf(parts[i].pdf));
      const order = parts.map((_, i) => numbering.indexOf(i));
      return { pdf: concatPdfs(pdfs, order), pages, warnings };
    });
  }

  private async buildDocument(d: Prepared, recipient: Recipient | undefined): Promise<{ pdf: Buffer; pages: number; warnings: string[] }> {
    const merge = recipient ? { recipient, columns: this.list.columns, types: this.list.types, locale: this.source.config.locale } : undefined;
    const resolved = await resolveDocument(d.tree, this.source, d.template, d.width, (name, w, h) => compileCached(this.session, this.source, d.template, name, w, h).drawing, merge);
    const doc: TargetDocument = { resolved, template: d.template, kind: d.kind, paper: d.paper, strings: kindStringsFor(d.kind, resolved.meta.language, this.source.strings) };
    const a = pdfTarget.arrange(doc);
    const pdf = await pdfTarget.encode(a.arranged, doc);
    return { pdf, pages: a.arranged.laid.pages.length, warnings: [...resolved.warnings.map((w) => `${formatPlace(w.place)}: ${w.message}`), ...a.warnings] };
  }
}
