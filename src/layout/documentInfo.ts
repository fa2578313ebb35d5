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

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}
