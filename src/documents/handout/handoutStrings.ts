// Everything the handout prints that the author did not write. `{name}` slots are filled in.
export const HANDOUT_STRINGS = {
  sourcesTitle: 'Sources of figures',
  sourcesIntro: 'Estimates come from different years, areas and definitions; they are not a trend.',
  turnOver: 'Please turn over',
  backFooter: '{organisation} · {title}',
  donateAlt: 'Donate at {url}',
  placeholder: 'Placeholder contact details (example.org)',
  qrAlt: 'QR code linking to {url}',
  copyFitted: 'copy-fitted to {percent}% type size to fit one sheet',
} as const;

export type HandoutStrings = { readonly [K in keyof typeof HANDOUT_STRINGS]: string };
