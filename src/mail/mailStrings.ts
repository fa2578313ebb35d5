// Everything a message prints that the author did not write. `{name}` slots are filled in.
export const MAIL_STRINGS = {
  give: 'Give',
  unsubscribe: 'Unsubscribe',
  stopReceiving: 'To stop receiving these messages: {url}',
  placeholder: 'These contact details are placeholders (example.org).',
  /** A link in place of an attachment too big to send. */
  link: '{name} (PDF)',
  testSubject: '[test for {id}] {subject}',
} as const;
