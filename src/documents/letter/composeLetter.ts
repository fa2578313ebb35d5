// Composes the letter's one page: letterhead, address block with the date beside it, the
// subject (the front matter's subtitle), the text and the sign-off. Everything recipient-
// specific (address, merge fields) is already in the resolved document; a letter that does
// not fit the page fails with the recipient's row and by how much it overflows.
import { InputError, formatPlace } from '../../errors.js';
import { documentContext } from '../../layout/documentContext.js';
import { documentInfo, formatDate } from '../../layout/documentInfo.js';
import { appendAll } from '../../layout/appendAll.js';
import { flowBlocks, flowParagraph, styleOf } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import { buildOutline } from '../../layout/outline.js';
import { newPage, pageBox } from '../../layout/pageGeometry.js';
import type { LaidOutDocument } from '../../layout/pageTypes.js';
import { emptyStats, paginate, type Frame } from '../../layout/paginate.js';
import { textAt } from '../../layout/setText.js';
import { drawLine } from '../../layout/textLines.js';
import { MM, type Template } from '../../load/templateTypes.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { fillString } from '../fillString.js';
import { addressLines } from './addressBlock.js';
import { drawLetterhead } from './letterhead.js';
import type { LetterOptions } from './letterKind.js';
import type { LetterStrings } from './letterStrings.js';
import { flowSignature } from './signatureBlock.js';

/** Width of the address block: a window envelope's, or less on narrow paper. */
const ADDRESS_WIDTH = 90 * MM;

export function composeLetter(doc: ResolvedDocument, t: Template, options: LetterOptions, paper: 'a4' | 'letter', strings: LetterStrings): LaidOutDocument {
  const box = pageBox(t, paper);
  const content = box.content(1);
  const ctx = documentContext(doc, t, content.width);
  const root = ctx.sb.root;
  const page = newPage(box, null);
  // The letter's bookmark (it leads the outline when the brief follows it in one PDF).
  page.items.push({ kind: 'dest', name: 'letter', y: 0 });
  drawLetterhead(ctx, doc, page, root, { x: content.x, y: content.y, width: content.width, bottom: options.letterhead }, strings, options);

  // Address block, with the date level with its first line on the right.
  ctx.width = Math.min(ADDRESS_WIDTH, content.width * 0.6);
  const address = addressLines(ctx, doc, root, strings);
  ctx.width = content.width;
  let y = options.addressTop;
  for (const l of address) {
    page.items.push(...drawLine(l, content.x, y));
    y += l.height;
  }
  const body = styleOf(ctx, 'body');
  const dateNode = ctx.sb.add(root, 'P');
  const firstBaseline = options.addressTop + (address[0] ? address[0].line.ascent + (address[0].height - address[0].line.ascent - address[0].line.descent) / 2 : body.style.size);
  page.items.push(textAt(formatDate(doc.meta.date, doc.meta.language), { ...body.style, color: t.colors.muted }, content.x + content.width, firstBaseline, 'right', dateNode.id));

  // Subject, text and sign-off flow into the rest of the page: one frame, no second page.
  const items: FlowItem[] = [];
  if (doc.meta.subtitle) {
    items.push(...flowParagraph(ctx, [{ kind: 'text', text: doc.meta.subtitle, marks: { strong: true } }], root, 'P', { align: 'left', hyphenate: false, keepWithNext: true }));
    items.push({ kind: 'space', height: t.paragraphSpace * 1.5 });
  }
  const text = doc.blocks.filter((b) => b.kind !== 'signature');
  appendAll(items, flowBlocks(ctx, text, root));
  for (const s of doc.blocks.filter((b): b is Extract<RBlock, { kind: 'signature' }> => b.kind === 'signature')) {
    items.push({ kind: 'space', height: t.paragraphSpace * 1.5 });
    items.push(...flowSignature(ctx, s, root, options.signatureHeight));
  }
  const top = y + 2 * body.leading;
  let given = false;
  const next = (): Frame | null => {
    if (given) return null;
    given = true;
    return { page, x: content.x, y: top, width: content.width, height: content.y + content.height - top };
  };
  const result = paginate(items, ctx.laidNotes, next, emptyStats());
  if (result.overflow) {
    const o = result.overflow;
    const values = { mm: (o.height / MM).toFixed(0), lines: Math.ceil(o.height / body.leading), what: o.what, id: doc.recipient?.id ?? '', row: doc.recipient ? formatPlace(doc.recipient.place) : '' };
    throw new InputError({ file: doc.file }, fillString(doc.recipient ? strings.tooLongFor : strings.tooLong, values), strings.tooLongHint);
  }
  const info = documentInfo(doc);
  return {
    name: doc.name,
    pages: [page],
    structure: root,
    outline: buildOutline(result.headings, [{ title: fillString(strings.outlineEntry, { title: info.title }), dest: 'letter', level: 1, children: [] }]),
    info,
    stats: result.stats,
  };
}
