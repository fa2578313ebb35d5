// `mail:` in content/config.yaml: what `report send` sends and how. Nothing secret goes here:
// the SMTP server and its password come from REPORT_SMTP_URL or --smtp, and a DKIM key from a
// file outside the repository.
//
//   mail:
//     campaign: brief-2026-11            # names this mailing: Message-IDs and the send journal
//     from: "AIM <hello@example.org>"
//     replyTo: hello@example.org          # optional
//     message: email.md                   # under content/ (the default)
//     attach: [merged, handout]           # the recipient's PDF (report merge) and/or documents
//     attachments: attach                 # attach, or link: a link to linkBase instead when too big
//     linkBase: https://example.org/x/    # where the PDFs are published, for attachments: link
//     maxMessageMb: 10                    # size budget of a message after base64 encoding
//     unsubscribe: { url: "https://example.org/unsubscribe?id={id}", mailto: unsubscribe@example.org }
//     dkim: { domain: example.org, selector: report, keyFile: /etc/report/dkim.pem }
//     ratePerSecond: 5                    # messages a second, over all connections
//     connections: 2                      # pooled SMTP connections
//     retry: { attempts: 5, firstDelaySeconds: 2 }   # for 4xx answers and dropped connections
import { isAbsolute, resolve } from 'node:path';
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { ErrorList, didYouMean, type SourcePlace } from '../errors.js';
import { checkContentPath } from '../load/contentPath.js';
import type { ProjectConfig } from '../load/sourceTypes.js';
import { configSection, entryOf, keysOf } from '../recipients/configSection.js';
import { isEmailAddress } from '../recipients/emailAddress.js';

/** What `attach` calls the recipient's own PDF (the merge.documents joined). */
export const MERGED = 'merged';

export interface MailConfig {
  campaign: string;
  from: { name?: string; address: string };
  replyTo?: string;
  /** content/… */
  message: string;
  /** MERGED and/or document names. */
  attach: string[];
  attachments: 'attach' | 'link';
  linkBase?: string;
  maxMessageBytes: number;
  unsubscribe?: { url?: string; mailto?: string };
  dkim?: { domain: string; selector: string; keyFile: string };
  ratePerSecond: number;
  connections: number;
  retry: { attempts: number; firstDelayMs: number };
  place: SourcePlace;
}

const KEYS = ['campaign', 'from', 'replyTo', 'message', 'attach', 'attachments', 'linkBase', 'maxMessageMb', 'unsubscribe', 'dkim', 'ratePerSecond', 'connections', 'retry'];
const SECRET = /smtp|password|pass|user|host|auth|secret|token/i;

export function readMailConfig(root: string, config: ProjectConfig): MailConfig {
  const { y, node, key } = configSection(root, 'mail');
  const errors = new ErrorList();
  const sectionPlace = y.placeOf(node ?? key);
  if (!isMap(node)) {
    errors.add(node === undefined ? { file: 'content/config.yaml' } : sectionPlace, 'config.yaml has no mail section', 'add mail: with at least campaign and from (see README, Mail)');
    errors.throwIfAny();
  }
  for (const k of keysOf(node)) {
    if (KEYS.includes(k.key)) continue;
    if (SECRET.test(k.key)) errors.add(y.placeOf(k.node), `mail.${k.key}: SMTP servers and passwords never go in config.yaml`, 'set REPORT_SMTP_URL (smtp://user:password@host:587) in the environment, or pass --smtp URL');
    else {
      const g = didYouMean(k.key, KEYS);
      errors.add(y.placeOf(k.node), `unknown key "${k.key}" in mail`, g ? `did you mean "${g}"?` : `allowed keys: ${KEYS.join(', ')}`);
    }
  }
  const str = (k: string, parent: unknown = node, what = `mail.${k}`): { v?: string; place: SourcePlace } => {
    const e = entryOf(parent, k);
    const place = y.placeOf(e.node ?? e.keyNode ?? parent);
    if (e.node === undefined) return { place };
    if (typeof e.value !== 'string' || !e.value.trim()) {
      errors.add(place, `${what} must be text`);
      return { place };
    }
    return { v: e.value.trim(), place };
  };
  const num = (k: string, min: number, max: number, fallback: number, parent: unknown = node, what = `mail.${k}`): number => {
    const e = entryOf(parent, k);
    if (e.node === undefined) return fallback;
    if (typeof e.value !== 'number' || !(e.value >= min && e.value <= max)) {
      errors.add(y.placeOf(e.node), `${what} must be a number from ${min} to ${max}`);
      return fallback;
    }
    return e.value;
  };
  const url = (k: string, parent: unknown, what: string, httpsOnly: boolean): string | undefined => {
    const s = str(k, parent, what);
    if (s.v === undefined) return undefined;
    if (!(httpsOnly ? /^https:\/\/[^\s]+$/ : /^https?:\/\/[^\s]+$/).test(s.v)) {
      errors.add(s.place, `${what} must be an ${httpsOnly ? 'https' : 'http(s)'} address, not "${s.v}"`);
      return undefined;
    }
    return s.v;
  };
  const nested = (k: string, allowed: string[]): Node | undefined => {
    const e = entryOf(node, k);
    if (e.node === undefined) return undefined;
    if (!isMap(e.node)) {
      errors.add(y.placeOf(e.node), `mail.${k} must be a mapping`, `with ${allowed.join(', ')}`);
      return undefined;
    }
    for (const x of keysOf(e.node)) if (!allowed.includes(x.key)) errors.add(y.placeOf(x.node), `unknown key "${x.key}" in mail.${k}`, `mail.${k} takes ${allowed.join(', ')}`);
    return e.node;
  };

  const campaign = str('campaign');
  if (campaign.v === undefined) errors.add(sectionPlace, 'mail is missing "campaign"', 'name this mailing, e.g. campaign: brief-2026-11 (Message-IDs and the send journal are per campaign)');
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(campaign.v)) errors.add(campaign.place, `mail.campaign "${campaign.v}" must be letters, digits, ".", "_" or "-"`, 'it names files and Message-IDs');
  const from = str('from');
  let fromParsed: MailConfig['from'] | undefined;
  if (from.v === undefined) errors.add(sectionPlace, 'mail is missing "from"', 'e.g. from: "AIM <hello@example.org>"');
  else {
    const m = /^(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(from.v);
    const address = m ? (m[2] ?? m[3]) : undefined;
    if (!address || !isEmailAddress(address)) errors.add(from.place, `mail.from "${from.v}" is not an address`, 'write "Name <address@example.org>" or address@example.org');
    else fromParsed = { name: m?.[1]?.trim() || undefined, address };
  }
  const replyTo = str('replyTo');
  if (replyTo.v !== undefined && !isEmailAddress(replyTo.v)) errors.add(replyTo.place, `mail.replyTo "${replyTo.v}" is not an email address`);
  const message = str('message');
  if (message.v !== undefined) {
    try {
      checkContentPath(message.v, message.place);
    } catch {
      errors.add(message.place, `mail.message "${message.v}" must be a file under content/`);
    }
  }
  const attach: string[] = [];
  const attachNode = entryOf(node, 'attach');
  if (attachNode.node !== undefined) {
    if (!isSeq(attachNode.node)) errors.add(y.placeOf(attachNode.node), 'mail.attach must be a list', `e.g. attach: [${MERGED}, handout]`);
    else {
      const names = config.documents.map((d) => d.name);
      for (const item of attachNode.node.items) {
        const n = isScalar(item) ? String(item.value) : '';
        if (n !== MERGED && !names.includes(n)) {
          const g = didYouMean(n, [MERGED, ...names]);
          errors.add(y.placeOf(item), `mail.attach: "${n}" is neither ${MERGED} (the recipient's PDF) nor a document`, g ? `did you mean "${g}"?` : `use ${MERGED} or one of ${names.join(', ')}`);
        } else if (!attach.includes(n)) attach.push(n);
      }
    }
  } else attach.push(MERGED);
  const mode = str('attachments');
  if (mode.v !== undefined && mode.v !== 'attach' && mode.v !== 'link') errors.add(mode.place, `mail.attachments must be attach or link, not "${mode.v}"`);
  const linkBase = url('linkBase', node, 'mail.linkBase', true);
  if (mode.v === 'link' && !linkBase) errors.add(mode.place, 'mail.attachments: link needs mail.linkBase', 'the https address where the PDFs are published, e.g. linkBase: https://example.org/letters/');
  const unsub = nested('unsubscribe', ['url', 'mailto']);
  const unsubUrl = unsub ? url('url', unsub, 'mail.unsubscribe.url', true) : undefined;
  const unsubMail = unsub ? str('mailto', unsub, 'mail.unsubscribe.mailto') : undefined;
  if (unsubMail?.v !== undefined && !isEmailAddress(unsubMail.v)) errors.add(unsubMail.place, `mail.unsubscribe.mailto "${unsubMail.v}" is not an email address`);
  const dkimNode = nested('dkim', ['domain', 'selector', 'keyFile']);
  let dkim: MailConfig['dkim'];
  if (dkimNode) {
    const d = { domain: str('domain', dkimNode, 'mail.dkim.domain'), selector: str('selector', dkimNode, 'mail.dkim.selector'), keyFile: str('keyFile', dkimNode, 'mail.dkim.keyFile') };
    for (const [k, v] of Object.entries(d)) if (v.v === undefined) errors.add(y.placeOf(dkimNode), `mail.dkim is missing "${k}"`);
    if (d.domain.v && d.selector.v && d.keyFile.v) dkim = { domain: d.domain.v, selector: d.selector.v, keyFile: isAbsolute(d.keyFile.v) ? d.keyFile.v : resolve(root, d.keyFile.v) };
  }
  const retryNode = nested('retry', ['attempts', 'firstDelaySeconds']);
  const out: MailConfig = {
    campaign: campaign.v ?? '',
    from: fromParsed ?? { address: '' },
    replyTo: replyTo.v,
    message: `content/${message.v ?? 'email.md'}`,
    attach,
    attachments: mode.v === 'link' ? 'link' : 'attach',
    linkBase: linkBase && !linkBase.endsWith('/') ? linkBase + '/' : linkBase,
    maxMessageBytes: num('maxMessageMb', 0.01, 100, 10) * 1024 * 1024,
    unsubscribe: unsubUrl || unsubMail?.v ? { url: unsubUrl, mailto: unsubMail?.v } : undefined,
    dkim,
    ratePerSecond: num('ratePerSecond', 0.01, 1000, 5),
    connections: num('connections', 1, 10, 2),
    retry: {
      attempts: retryNode ? num('attempts', 1, 20, 5, retryNode, 'mail.retry.attempts') : 5,
      firstDelayMs: (retryNode ? num('firstDelaySeconds', 0.001, 600, 2, retryNode, 'mail.retry.firstDelaySeconds') : 2) * 1000,
    },
    place: sectionPlace,
  };
  errors.throwIfAny();
  return out;
}
