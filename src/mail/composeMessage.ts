// One recipient's message as the bytes that go over the wire: text and HTML parts from the
// email's Markdown, the attachments (or links to them), List-Unsubscribe with One-Click
// (RFC 8058), a stable Message-ID and, when configured, a DKIM signature. Composed by
// nodemailer's own composer (a buffering stream transport), so what is measured against the
// size budget, written by --dry-run and sent is the same message.
import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { fillString } from '../documents/fillString.js';
import { InputError } from '../errors.js';
import type { ProjectConfig, Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { Recipient, RecipientList } from '../recipients/recipientTypes.js';
import { emailHtml } from './emailHtml.js';
import { resolveEmail, type EmailSource } from './emailSource.js';
import { emailText } from './emailText.js';
import type { MailConfig } from './mailConfig.js';
import { MAIL_STRINGS } from './mailStrings.js';
import { messageFrame } from './messageFrame.js';
import { stableMessageId } from './messageId.js';

export interface MessageAttachment {
  filename: string;
  content: Buffer;
  /** Where it is published, for attachments: link. */
  url?: string;
}

export interface MailContext {
  config: ProjectConfig;
  mail: MailConfig;
  list: RecipientList;
  source: Source;
  /** The template whose colours the HTML part uses (the first merged document's). */
  template: Template;
  email: EmailSource;
  attachments(r: Recipient): MessageAttachment[];
  /** The Date header. */
  date(): Date;
  /** PEM private key for DKIM, when configured. */
  dkimKey?: string;
}

export interface ComposedMessage {
  id: string;
  /** The envelope recipient. */
  to: string;
  messageId: string;
  raw: Buffer;
  /** True when links replaced the attachments to keep within the size budget. */
  linked: boolean;
}

const composers = new WeakMap<MailContext, ReturnType<typeof createTransport>>();

export async function composeMessage(ctx: MailContext, r: Recipient, test?: { to: string }): Promise<ComposedMessage> {
  const { mail, config } = ctx;
  const merge = { recipient: r, columns: ctx.list.columns, types: ctx.list.types, locale: config.locale };
  const e = await resolveEmail(ctx.email, ctx.source, ctx.template, merge);
  const unsubscribeUrl = mail.unsubscribe?.url
    ? mail.unsubscribe.url.replace(/\{id\}/g, encodeURIComponent(r.id))
    : mail.unsubscribe?.mailto ? `mailto:${mail.unsubscribe.mailto}?subject=${encodeURIComponent(`unsubscribe ${r.id}`)}` : undefined;
  const messageId = stableMessageId(mail.campaign, r.id, mail.from.address, !!test);
  const files = ctx.attachments(r);
  const subject = test ? fillString(MAIL_STRINGS.testSubject, { id: r.id, subject: e.subject }) : e.subject;
  const compose = async (linked: boolean): Promise<Buffer> => {
    const links = linked ? files.map((f) => ({ label: fillString(MAIL_STRINGS.link, { name: f.filename.replace(/\.pdf$/i, '') }), url: f.url! })) : [];
    const frame = messageFrame(config, unsubscribeUrl, links);
    const headers: Record<string, string> = {};
    const list: string[] = [];
    if (mail.unsubscribe?.url) list.push(`<${unsubscribeUrl}>`);
    if (mail.unsubscribe?.mailto) list.push(`<mailto:${mail.unsubscribe.mailto}?subject=${encodeURIComponent(`unsubscribe ${r.id}`)}>`);
    if (list.length) headers['List-Unsubscribe'] = list.join(', ');
    // One-Click (RFC 8058) needs an https address that unsubscribes on a POST.
    if (mail.unsubscribe?.url) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    const info = await composer(ctx).sendMail({
      from: mail.from.name ? { name: mail.from.name, address: mail.from.address } : mail.from.address,
      to: { name: r.name, address: test ? test.to : r.email },
      replyTo: mail.replyTo,
      subject,
      messageId,
      date: ctx.date(),
      text: emailText(e.doc, frame),
      html: emailHtml(e.doc, subject, e.preheader, ctx.template.colors, config, frame),
      attachments: linked ? [] : files.map((f) => ({ filename: f.filename, content: f.content, contentType: 'application/pdf' })),
      headers,
      // The same boundaries for the same message: a dry run's files compare byte for byte.
      baseBoundary: createHash('sha256').update(messageId).digest('hex').slice(0, 24),
      xMailer: 'report-generator',
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return info.message as Buffer;
  };
  let raw = await compose(false);
  let linked = false;
  if (raw.length > mail.maxMessageBytes) {
    const size = `${(raw.length / 1048576).toFixed(1)} MB`;
    const budget = `${(mail.maxMessageBytes / 1048576).toFixed(1)} MB`;
    if (mail.attachments !== 'link') {
      throw new InputError(r.place, `the message to ${r.id} is ${size} with its attachments base64-encoded; the budget is ${budget}`,
        'attach less, raise mail.maxMessageMb (many servers refuse more than 10 MB), or set mail.attachments: link and mail.linkBase to send links instead');
    }
    raw = await compose(true);
    linked = true;
    if (raw.length > mail.maxMessageBytes) throw new InputError(r.place, `the message to ${r.id} is ${(raw.length / 1048576).toFixed(1)} MB even without attachments; the budget is ${budget}`, 'shorten the message');
  }
  return { id: r.id, to: test ? test.to : r.email, messageId, raw, linked };
}

/** nodemailer's composer for a context: a stream transport that returns the message bytes. */
function composer(ctx: MailContext): ReturnType<typeof createTransport> {
  let t = composers.get(ctx);
  if (!t) {
    const dkim = ctx.mail.dkim && ctx.dkimKey ? { domainName: ctx.mail.dkim.domain, keySelector: ctx.mail.dkim.selector, privateKey: ctx.dkimKey } : undefined;
    t = createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) });
    composers.set(ctx, t);
  }
  return t;
}
