// Everything the brief prints that the author did not write. `{name}` slots are filled in.
export const BRIEF_STRINGS = {
  contents: 'Contents',
  contentsEntryAlt: '{title}, page {page}',
  sourcesTitle: 'Sources of figures',
  sourcesIntro: 'Every number in this brief comes from the project’s data files, each with its source and year. Estimates come from different years and use different definitions, so they are not a trend.',
  appendixTitle: 'Appendix: chart data',
  appendixFigure: 'Figure {number}',
  appendixFigureColumn: 'Figure',
  appendixValueColumn: 'Value',
  appendixYearColumn: 'Year',
  appendixSourceColumn: 'Source',
  appendixRowsLeftOut: 'The first {shown} of {total} rows. The chart is drawn from {files}.',
  contactTitle: 'Contact {organisation}',
  contactGive: 'Give',
  contactWebsite: 'Website',
  contactEmail: 'Email',
  contactPhone: 'Phone',
  contactAddress: 'Address',
  contactPlaceholder: 'These contact details are placeholders (example.org): replace them in content/config.yaml.',
  linkAlt: 'Link to {href}',
  qrAlt: 'QR code linking to {url}',
} as const;

export type BriefStrings = { readonly [K in keyof typeof BRIEF_STRINGS]: string };
