// What a message carries besides its author's text, the same in the HTML and the text part:
// links to the PDFs when they are too big to attach, and the footer (who sends it, how to
// stop receiving these messages, whether the contact details are placeholders).
import type { ProjectConfig } from '../load/sourceTypes.js';
import { MAIL_STRINGS } from './mailStrings.js';

export interface MessageFrame {
  /** Links in place of attachments (attachments: link, over the size budget). */
  links: { label: string; url: string }[];
  footer: string[];
  /** How to unsubscribe (see unsubscribeLine). */
  unsubscribe?: { label: string; url: string };
}

export function messageFrame(config: ProjectConfig, unsubscribeUrl: string | undefined, links: MessageFrame['links']): MessageFrame {
  const org = config.organisation.fullName ? `${config.organisation.name} · ${config.organisation.fullName}` : config.organisation.name;
  const footer = [`${org} · ${config.contact.website}`];
  if (config.contact.placeholder) footer.push(MAIL_STRINGS.placeholder);
  const unsubscribe = unsubscribeUrl ? { label: MAIL_STRINGS.unsubscribe, url: unsubscribeUrl } : undefined;
  return { links, footer, unsubscribe };
}

/** The footer's last line, how to stop these messages: its words through `text`, the address through `link`. */
export function unsubscribeLine(frame: MessageFrame, link: (label: string, url: string) => string, text: (s: string) => string = (s) => s): string | undefined {
  if (!frame.unsubscribe) return undefined;
  const [before, after = ''] = MAIL_STRINGS.stopReceiving.split('{url}');
  return text(before) + link(frame.unsubscribe.label, frame.unsubscribe.url) + text(after);
}
