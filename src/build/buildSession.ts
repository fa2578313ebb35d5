// A build session owns everything remembered between builds: the memos that layout and render
// fill (broken paragraphs, shaped Khmer, font subsets, pdfkit runs), compiled charts, read
// templates, and what it knows the disk cache holds. `report build` makes one per process,
// `report watch` one for all its rebuilds, and an API caller one per buildProject call unless
// it passes its own. Two sessions share nothing, so two builds at once cannot disturb each
// other, and a new session is exactly what a new process would be.
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { MemoSet, runWithMemos } from '../cache/sessionMemos.js';
import { runWithFontScope, type FontScope } from '../fonts/fontRegistry.js';
import type { Template } from '../load/templateTypes.js';

export class BuildSession {
  readonly memos = new MemoSet();
  /** Compiled charts by spec, data, theme and size. */
  readonly charts = new Map<string, Promise<ChartDrawing>>();
  /** Templates by file, kind and text. */
  readonly templates = new Map<string, Template>();
  /** Per stored memo entry, the entries this session knows the disk holds (memoStore.ts). */
  readonly stored = new Map<string, Map<string, unknown>>();

  /** Runs `f`, and all it awaits, with this session's memos. */
  /** The project's brand fonts, once a build has read its config (every role built-in until then). */
  readonly fonts: FontScope = {};
  run<T>(f: () => T): T {
    return runWithMemos(this.memos, () => runWithFontScope(this.fonts, f));
  }
}
