// Finds where in the Markdown a piece of typed text is, for a diagnostic's line and column: the
// document tree keeps only the line each block starts on, so the text is searched for in the
// lines from there on, as the author wrote them (includes mapped back to their own files).
import type { SourcePlace } from '../errors.js';
import type { MarkdownSource } from '../load/sourceTypes.js';

/** How far past a block's first line its text is looked for (a paragraph is rarely longer). */
const MAX_LINES = 400;

// Markdown that is not typed prose, blanked (same length, so columns stay right): bindings,
// code spans, link destinations, autolinks and footnote marks.
const NOT_PROSE = /\{\{[^}]*\}\}|`[^`]*`|\]\([^)]*\)|<[^>\s]+>|\[\^[^\]\s]+\]/g;

export class SourceLines {
  private readonly lines = new Map<string, string>();
  constructor(sources: readonly MarkdownSource[]) {
    for (const s of sources) {
      s.body.split('\n').forEach((text, i) => {
        const p = s.lineMap[i];
        if (p?.line !== undefined) this.lines.set(`${p.file}\u0000${p.line}`, text.replace(NOT_PROSE, (m) => ' '.repeat(m.length)));
      });
    }
  }

  /**
   * A cursor over the lines from `start` on; each `find` looks after the previous find, so the
   * second "50%" of a paragraph is placed at the second one.
   */
  cursor(start: SourcePlace): (text: string) => SourcePlace {
    let line = start.line ?? 1;
    let col = 0;
    return (text) => {
      if (start.line === undefined) return start;
      for (let l = line; l < (start.line ?? 1) + MAX_LINES; l++) {
        const s = this.lines.get(`${start.file}\u0000${l}`);
        if (s === undefined) break;
        const i = s.indexOf(text, l === line ? col : 0);
        if (i >= 0) {
          line = l;
          col = i + text.length;
          return { file: start.file, line: l, col: i + 1 };
        }
      }
      return start;
    };
  }
}
