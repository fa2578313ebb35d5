// Resolved inline content → styled runs for the line breaker: marks pick the font variant,
// Khmer runs get the Khmer font, links and note marks carry their targets.
import type { FontKey } from '../fonts/fontRegistry.js';
import type { Marks } from '../parse/documentTypes.js';
import type { RInline } from '../resolve/resolvedTypes.js';
import type { InlineRun } from './lineTypes.js';
import type { TextStyle } from './textStyle.js';
import { unreachable } from '../unreachable.js';

export function fontFor(base: FontKey, marks: Marks, lang?: string): FontKey {
  const bold = !!marks.strong || /bold|semibold/.test(base);
  const italic = !!marks.em || base.includes('italic');
  if (lang === 'km') return bold ? 'khmer-bold' : 'khmer';
  if (marks.code) return 'mono';
  if (base.startsWith('serif')) {
    if (bold && italic) return 'serif-bolditalic';
    if (marks.strong) return 'serif-bold';
    if (bold) return base === 'serif-semibold' ? base : 'serif-bold';
    return italic ? 'serif-italic' : 'serif';
  }
  if (base.startsWith('sans')) {
    if (bold && italic) return 'sans-bolditalic';
    if (marks.strong && base === 'sans') return 'sans-bold';
    if (bold) return base === 'sans-semibold' && !marks.strong ? base : 'sans-bold';
    return italic ? 'sans-italic' : 'sans';
  }
  return base;
}

export interface RunOptions {
  linkColor: string;
  /** Extra marks applied to every run (e.g. em for captions). */
  marks?: Marks;
}

export function inlineRuns(xs: RInline[], base: TextStyle, opts: RunOptions): InlineRun[] {
  const out: InlineRun[] = [];
  for (const x of xs) {
    if (x.kind === 'lineBreak') {
      out.push({ text: '\n', style: base });
      continue;
    }
    if (x.kind === 'noteRef') {
      out.push({
        text: String(x.number),
        style: { font: fontFor(base.font, {}), size: Math.round(base.size * 0.62 * 10) / 10, color: opts.linkColor },
        target: { dest: `note-${x.number}`, noteId: x.noteId, superscript: true },
        unbreakable: true,
        noHyphenate: true,
      });
      continue;
    }
    if (x.kind !== 'text') unreachable(x, 'inline');
    const marks = { ...opts.marks, ...x.marks };
    const font = fontFor(base.font, marks, x.lang);
    const size = marks.code ? Math.round(base.size * 0.9 * 10) / 10 : base.size;
    const link = x.href || x.dest;
    out.push({
      text: x.text,
      style: { font, size, color: link ? opts.linkColor : base.color },
      target: x.href ? { href: x.href } : x.dest ? { dest: x.dest } : undefined,
      noHyphenate: marks.code || !!x.href,
      lang: x.lang,
    });
  }
  return out;
}
