// The page limit as every caller of the PDF target meets it (build, merge, send): a document
// past 1,000 pages is a located input error naming its file, whether pagination stopped it
// or it ended past the limit, and any other failure passes through as it was.
import { describe, expect, it } from 'vitest';
import { briefKind } from '../../../src/documents/brief/briefKind.js';
import type { AnyDocumentKind } from '../../../src/documents/documentKind.js';
import { InputError } from '../../../src/errors.js';
import { MAX_PAGES, TooManyPages, withinPageLimit } from '../../../src/layout/pageLimit.js';
import type { LaidOutDocument } from '../../../src/layout/pageTypes.js';
import { pdfTarget } from '../../../src/targets/pdfTarget.js';
import type { TargetDocument } from '../../../src/targets/target.js';
import { plainBriefTemplate, resolvedDoc } from '../../helpers/resolvedDoc.js';
import { thrownError } from '../../helpers/thrownMessage.js';

const thrown = thrownError;

/** A kind whose compose does `compose` instead of laying anything out. */
function stubKind(compose: () => LaidOutDocument): AnyDocumentKind {
  return { ...briefKind, compose: () => ({ laid: compose(), scale: 1, warnings: [] }) } as unknown as AnyDocumentKind;
}
const doc = (kind: AnyDocumentKind): TargetDocument => ({ resolved: { ...resolvedDoc([]), file: 'content/letter.md' }, template: plainBriefTemplate(), kind, paper: 'a4', strings: {} });
const pages = (n: number) => ({ pages: Array.from({ length: n }, () => ({ items: [] })) }) as unknown as LaidOutDocument;

describe('the page limit of the PDF target', () => {
  it('names the document when pagination stopped at the limit', () => {
    const e = thrown(() => pdfTarget.arrange(doc(stubKind(() => { throw new TooManyPages(MAX_PAGES + 1); }))));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(`content/letter.md: the document lays out to more than ${MAX_PAGES} pages, over the limit of ${MAX_PAGES} — split it into documents, or shorten its lists and tables`);
  });

  it('names the document when it ended past the limit (paginated in parts)', () => {
    const e = thrown(() => pdfTarget.arrange(doc(stubKind(() => pages(1_500)))));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).place).toEqual({ file: 'content/letter.md' });
    expect((e as InputError).problem).toContain('lays out to 1,500 pages');
  });

  it('lets a document at the limit through, and other errors pass as they were', () => {
    expect(pdfTarget.arrange(doc(stubKind(() => pages(MAX_PAGES)))).arranged.laid.pages).toHaveLength(MAX_PAGES);
    const other = new RangeError('not a page problem');
    expect(thrown(() => withinPageLimit('content/x.md', () => { throw other; }, () => 0))).toBe(other);
  });
});
