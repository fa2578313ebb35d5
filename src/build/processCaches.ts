// Everything a process remembers between builds, forgotten at once: a later build then works
// exactly as a new process would, from its inputs and the disk cache alone. Used by tests that
// compare cached with uncached builds, and available to batch users of the API.
import { clearFontMemory, complexRuns } from '../fonts/fontRegistry.js';
import { brokenParagraphs } from '../layout/textLines.js';
import { clearPdfRuns, fontSubsets } from '../render/pdfFonts.js';
import { clearChartMemory } from './chartCache.js';
import { forgetStoredLines } from './lineStore.js';
import { forgetStoredMemos } from './memoStore.js';

export function clearProcessCaches(): void {
  clearChartMemory();
  brokenParagraphs.clear();
  complexRuns.clear();
  fontSubsets.clear();
  clearPdfRuns();
  clearFontMemory();
  forgetStoredLines();
  forgetStoredMemos();
}
