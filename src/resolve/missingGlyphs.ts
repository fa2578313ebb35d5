// Characters the document's fonts cannot draw would print as empty boxes. They are found
// here, before layout, and reported with the place they come from and their code points.
import { missingGlyphs } from '../fonts/fontRegistry.js';
import type { SourcePlace } from '../errors.js';
import type { Block, Inline } from '../parse/documentTypes.js';
import { unreachable } from '../unreachable.js';

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

function inlineText(xs: Inline[]): string {
  return xs.map((x) => (x.kind === 'text' ? x.text : '')).join('');
}

function blockTexts(b: Block, out: { text: string; place: SourcePlace; mono: boolean }[]): void {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      out.push({ text: inlineText(b.inlines), place: b.place, mono: false });
      break;
    case 'figure':
      out.push({ text: inlineText(b.caption), place: b.place, mono: false });
      break;
    case 'callout':
      out.push({ text: inlineText(b.label), place: b.place, mono: false });
      break;
    case 'code':
      out.push({ text: b.text, place: b.place, mono: true });
      break;
    case 'table':
      for (const row of [b.header, ...b.rows]) for (const cell of row) out.push({ text: inlineText(cell), place: b.place, mono: false });
      break;
    case 'list':
      b.items.forEach((it) => it.forEach((x) => blockTexts(x, out)));
      break;
    case 'quote':
    case 'closing':
    case 'cta':
    case 'signature':
    case 'if':
      b.blocks.forEach((x) => blockTexts(x, out));
      break;
    // No text of the author's to draw (an image's description is checked where it is shown).
    case 'image':
    case 'rule':
      break;
    default:
      unreachable(b, 'block');
  }
}

/** One warning per block that has characters no font of the document can draw. */
export function missingGlyphWarnings(blocks: Block[]): { place: SourcePlace; message: string }[] {
  const texts: { text: string; place: SourcePlace; mono: boolean }[] = [];
  blocks.forEach((b) => blockTexts(b, texts));
  const out: { place: SourcePlace; message: string }[] = [];
  for (const t of texts) {
    // Most text has no Khmer: one test of the whole text spares splitting it character by character.
    const hasKhmer = KHMER.test(t.text);
    const latin = hasKhmer ? [...t.text].filter((ch) => !KHMER.test(ch)).join('') : t.text;
    const khmer = hasKhmer ? [...t.text].filter((ch) => KHMER.test(ch)).join('') : '';
    const missing = [...missingGlyphs(t.mono ? 'mono' : 'serif', latin), ...(khmer ? missingGlyphs('khmer', khmer) : [])];
    if (missing.length) {
      const list = missing.slice(0, 8).map((ch) => `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      out.push({ place: t.place, message: `the fonts have no glyph for ${list}${missing.length > 8 ? ` and ${missing.length - 8} more` : ''}; they will print as empty boxes` });
    }
  }
  return out;
}
