// Everything the letter prints that the author did not write. `{name}` slots are filled in.
export const LETTER_STRINGS = {
  placeholder: 'Placeholder contact details (example.org): replace them in content/config.yaml.',
  /** The address block of a proof (no recipient): where each recipient's name and address go. */
  proofName: '«name»',
  proofAddress: '«address»',
  /** The bookmark to the letter in a PDF that also holds the brief. */
  outlineEntry: '{title}',
  tooLong: 'the letter does not fit on one page: {mm} mm (about {lines} lines) too long, from {what} on',
  tooLongFor: 'the letter to {id} ({row}) does not fit on one page: {mm} mm (about {lines} lines) too long, from {what} on',
  tooLongHint: 'shorten the text (a long address or a long field value makes a letter longer)',
} as const;

export type LetterStrings = { readonly [K in keyof typeof LETTER_STRINGS]: string };
