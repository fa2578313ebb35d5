// The PDF's document information (title, author, keywords, date) and the document date as
// printed, both from the front matter and config: the same for every document kind.
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { LaidOutDocument } from './pageTypes.js';

export function documentInfo(doc: ResolvedDocument): LaidOutDocument['info'] {
  return {
    title: doc.meta.title,
    author: doc.meta.organisation ?? doc.config.organisation.name,
    subject: doc.meta.subtitle ?? doc.meta.title,
    keywords: doc.meta.keywords ?? [],
    lang: doc.meta.language,
    date: new Date(doc.meta.date + 'T00:00:00Z'),
  };
}

// Date formats are costly to make (ICU data; ~0.4 ms each): one per language is kept, which
// matters when a letter is made for each of thousands of recipients.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The date as the document's language writes it: "30 November 2026", "30 tháng 11, 2026". */
export function formatDate(iso: string, lang: string): string {
  let f = dateFormats.get(lang);
  if (!f) {
    // For a language it has no data for, Intl would use the machine's own locale, and the same
    // document would print another date on another machine: English instead, everywhere.
    const locale = Intl.DateTimeFormat.supportedLocalesOf([lang]).length ? lang : 'en';
    dateFormats.set(lang, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })));
  }
  return f.format(new Date(iso + 'T00:00:00Z'));
}
