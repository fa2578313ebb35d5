// The most pages a document may be laid out to: pagination stops there, before the pages past
// it are filled, and nothing is checked or drawn.
import { InputError } from '../errors.js';

/**
 * Laying out, checking, drawing and writing cost about 1 MB and 10 ms a page, so it is pages,
 * not bytes, that a small document of many tiny blocks makes expensive: 1 MB of one-line code
 * is 8,900 pages, and 1 MB of one-word list items took 55 s and 3.5 GB for 6,400. 1,000 pages
 * is ten times a long report, and leaves room for the 500-page benchmark (659 PDF pages).
 */
export const MAX_PAGES = 1_000;

/** Pagination went past MAX_PAGES; the build names the document (pageLimitError). */
export class TooManyPages extends Error {
  constructor(readonly pages: number) {
    super(`more than ${MAX_PAGES} pages`);
    this.name = 'TooManyPages';
  }
}

/** Throws TooManyPages when a page count is over the limit. */
export function checkPageCount(pages: number): void {
  if (pages > MAX_PAGES) throw new TooManyPages(pages);
}

/** The located error for a document that stopped at the limit (or ended past it). */
export function pageLimitError(file: string, e: TooManyPages): InputError {
  return new InputError({ file }, `the document lays out to ${e.pages > MAX_PAGES + 1 ? e.pages.toLocaleString('en-GB') : 'more than ' + MAX_PAGES} pages, over the limit of ${MAX_PAGES}`, 'split it into documents, or shorten its lists and tables');
}

/**
 * Lays a document out with `arrange`, stopping past the page limit: pagination stops early,
 * and the final count is checked too, since a document may be paginated in parts. Either way
 * the error names the document, before anything is checked or drawn.
 */
export function withinPageLimit<T>(file: string, arrange: () => T, pagesOf: (arranged: T) => number): T {
  try {
    const a = arrange();
    checkPageCount(pagesOf(a));
    return a;
  } catch (e) {
    if (e instanceof TooManyPages) throw pageLimitError(file, e);
    throw e;
  }
}
