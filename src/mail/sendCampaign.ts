// `report send`: every check first (configuration, SMTP address, recipients, every merge field
// of the message and the documents, every message composed against the size budget), then the
// recipients' PDFs (report merge, resumed if already made), then one message per recipient
// through a pooled, rate-limited SMTP connection, each recorded in the send journal. 4xx
// answers and dropped connections are retried with bounded back-off; 5xx answers are recorded
// with the server's reply and reported at the end.
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readInputText } from '../load/readInputFile.js';
import { createTransport } from 'nodemailer';
import { buildProject } from '../build/buildProject.js';
import { BuildSession } from '../build/buildSession.js';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { InputError, InputErrors } from '../errors.js';
import { loadConfig } from '../load/loadConfig.js';
import { loadTemplate } from '../load/loadTemplate.js';
import { writeFileDurable } from '../merge/durableFile.js';
import { readMergeConfig } from '../merge/mergeConfig.js';
import { mergeProblems } from '../merge/mergeProblems.js';
import { runMerge } from '../merge/runMerge.js';
import { inShard, shardSuffix, type Shard } from '../merge/shard.js';
import { loadProject } from '../load/loadProject.js';
import { loadRecipients } from '../recipients/loadRecipients.js';
import { readRecipientsConfig } from '../recipients/recipientsConfig.js';
import { isEmailAddress } from '../recipients/emailAddress.js';
import type { Recipient } from '../recipients/recipientTypes.js';
import { composeMessage, type MailContext, type MessageAttachment } from './composeMessage.js';
import { loadEmail } from './emailSource.js';
import { MERGED, readMailConfig } from './mailConfig.js';
import { SendJournal } from './sendJournal.js';
import { parseSmtpUrl, redactSmtpUrl } from './smtpUrl.js';

export interface SendOptions {
  root: string;
  recipients?: string;
  /** Where the recipients' PDFs are (default output/letters). */
  outDir?: string;
  shard?: Shard;
  /** SMTP URL; else REPORT_SMTP_URL. */
  smtp?: string;
  dryRun?: boolean;
  testTo?: string;
  testCount?: number;
  env?: NodeJS.ProcessEnv;
  onStart?: (total: number) => void;
  onProgress?: (p: { done: number; total: number; failed: number }) => void;
  /** Waits between retries (tests make it instant); defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SendFailure {
  id: string;
  email: string;
  /** SMTP reply code, when the server answered. */
  code?: number;
  response: string;
  /** 'failed': refused (5xx); 'deferred': 4xx or connection problems outlasted the retries. */
  state: 'failed' | 'deferred';
}

export interface SendSummary {
  total: number;
  sent: number;
  /** Already accepted by an earlier run. */
  skipped: number;
  failed: SendFailure[];
  /** Messages that carried links instead of attachments (over the size budget). */
  linked: number;
  /** Dry run: the .eml files written. */
  files: string[];
  mailDir: string;
  /** Set when the run stopped early (login refused, server unreachable). */
  stopped?: string;
}

/** Errors of the whole connection, not of one message: the run stops. */
const FATAL = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EOAUTH2']);
/** Connection problems worth retrying. */
const TRANSIENT = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'EPROTOCOL', 'EPROXY']);
/** Messages in a row that outlast their retries before the run stops: the server is gone. */
const GIVE_UP_AFTER = 3;

export async function sendCampaign(opts: SendOptions): Promise<SendSummary> {
  const root = resolve(opts.root);
  const env = opts.env ?? process.env;
  const kinds = new KindRegistry(BUILT_IN_KINDS);
  const config = loadConfig(root, kinds);
  const mail = readMailConfig(root, config);
  const { documents } = readMergeConfig(root, config);
  const list = loadRecipients(root, readRecipientsConfig(root), opts.recipients);
  const url = opts.smtp ?? env.REPORT_SMTP_URL;
  const smtp = url === undefined ? undefined : parseSmtpUrl(url);
  if (!opts.dryRun) {
    if (smtp === undefined) throw new InputError({ file: 'content/config.yaml' }, 'no SMTP server to send through', 'set REPORT_SMTP_URL (smtp://user:password@host:587) or pass --smtp URL; --dry-run writes the messages to output/mail/ instead');
    if (typeof smtp === 'string') throw new InputError({ file: 'REPORT_SMTP_URL' }, `${smtp} (${redactSmtpUrl(url!)})`);
  }
  if (opts.testTo !== undefined && !isEmailAddress(opts.testTo)) throw new InputError({ file: '--test-to' }, `"${opts.testTo}" is not an email address`);
  let dkimKey: string | undefined;
  if (mail.dkim) {
    try {
      // Kept outside the repository on purpose, so anywhere; still a regular file within a limit.
      const keyFile = resolve(mail.dkim.keyFile);
      dkimKey = readInputText({ root, file: keyFile, kind: 'key', area: dirname(keyFile) });
    } catch {
      throw new InputError(mail.place, `mail.dkim.keyFile ${mail.dkim.keyFile} cannot be read`, 'give the path of the PEM private key (keep it outside the repository)');
    }
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(dkimKey)) throw new InputError(mail.place, `mail.dkim.keyFile ${mail.dkim.keyFile} is not a PEM private key`);
  }

  // The message and every recipient's fields in it, before any PDF is made or mail sent.
  const email = loadEmail(root, mail.message);
  const problems = mergeProblems([email.headers, email.tree], list, config.locale);
  if (problems.length) throw problems.length === 1 ? problems[0] : new InputErrors(problems);
  const session = new BuildSession();
  const source = loadProject(root, kinds, documents);
  const first = source.documents[0];
  const template = loadTemplate(root, first.template, kinds.get(first.kind)!, session.templates);

  const mine = list.recipients.filter((r) => inShard(r.id, opts.shard));
  const targets = opts.testTo !== undefined ? mine.slice(0, opts.testCount ?? 3) : mine;
  // The recipients' PDFs (made now, or kept from an earlier merge with the same inputs) and
  // the shared documents, built once.
  const merged = new Map<string, Buffer>();
  if (mail.attach.includes(MERGED)) {
    const m = await runMerge({ root, recipients: opts.recipients, outDir: opts.outDir, shard: opts.shard, session });
    if (m.manifest.failed.length) throw new InputErrors(m.manifest.failed.map((f) => new InputError({ file: m.list.file }, f.error)));
    for (const e of m.manifest.entries) merged.set(e.id, readFileSync(join(m.outDir, e.file)));
  }
  const sharedNames = mail.attach.filter((n) => n !== MERGED);
  const shared = sharedNames.length ? (await buildProject({ root, only: sharedNames, dryRun: true, session })).documents : [];
  const org = config.organisation.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  const attachments = (r: Recipient): MessageAttachment[] => [
    ...(mail.attach.includes(MERGED) ? [{ filename: `${org}-${documents.join('-')}.pdf`, content: merged.get(r.id)!, url: mail.linkBase && `${mail.linkBase}${r.id}.pdf` }] : []),
    ...shared.map((d) => ({ filename: `${org}-${d.name}.pdf`, content: d.pdf, url: mail.linkBase && `${mail.linkBase}${d.name}.pdf` })),
  ];
  const sendDate = new Date();
  const ctx: MailContext = {
    config, mail, list, source, template, email, attachments, dkimKey,
    // A dry run's files are the same bytes every time: dated as the message's front matter.
    date: () => (opts.dryRun ? new Date(`${email.tree.meta.date}T09:00:00Z`) : sendDate),
  };
  const test = opts.testTo !== undefined ? { to: opts.testTo } : undefined;

  // Every message against the size budget: all problems before the first message goes.
  const sizeProblems: InputError[] = [];
  let linked = 0;
  for (const r of targets) {
    try {
      if ((await composeMessage(ctx, r, test)).linked) linked++;
    } catch (e) {
      if (e instanceof InputError) sizeProblems.push(e);
      else throw e;
    }
  }
  if (sizeProblems.length) throw sizeProblems.length === 1 ? sizeProblems[0] : new InputErrors(sizeProblems);

  const mailDir = join(root, 'output/mail');
  mkdirSync(mailDir, { recursive: true });
  const summary: SendSummary = { total: targets.length, sent: 0, skipped: 0, failed: [], linked, files: [], mailDir };
  opts.onStart?.(targets.length);
  if (opts.dryRun) {
    for (const r of targets) {
      const m = await composeMessage(ctx, r, test);
      const file = join(mailDir, `${r.id}.eml`);
      writeFileDurable(file, m.raw);
      summary.files.push(relative(root, file));
      summary.sent++;
      opts.onProgress?.({ done: summary.sent, total: targets.length, failed: 0 });
    }
    return summary;
  }

  const s = smtp as Exclude<typeof smtp, string | undefined>;
  const rate = mail.ratePerSecond >= 1 ? { rateLimit: Math.round(mail.ratePerSecond), rateDelta: 1000 } : { rateLimit: 1, rateDelta: Math.round(1000 / mail.ratePerSecond) };
  const transport = createTransport({
    pool: true,
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: s.requireTLS,
    // Without TLS (loopback only) nothing is upgraded behind our back either.
    ignoreTLS: !s.secure && !s.requireTLS,
    auth: s.auth,
    maxConnections: mail.connections,
    maxMessages: 1000,
    ...rate,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    tls: { servername: s.host },
  });
  const journal = test ? undefined : SendJournal.open(mailDir, mail.campaign, shardSuffix(opts.shard));
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((res) => setTimeout(res, ms)));
  let done = 0;
  let inRow = 0;
  let next = 0;
  const sendOne = async (r: Recipient): Promise<void> => {
    const prior = journal?.state(r.id);
    if (prior?.state === 'sent') {
      summary.skipped++;
      return;
    }
    const m = await composeMessage(ctx, r, test);
    for (let attempt = 1; ; attempt++) {
      journal?.record({ id: r.id, state: 'sending', email: m.to, messageId: m.messageId, attempt });
      let err: (Error & { code?: string; responseCode?: number; response?: string }) | undefined;
      let response = '';
      try {
        const info = await transport.sendMail({ envelope: { from: mail.from.address, to: [m.to] }, raw: m.raw });
        response = String((info as { response?: string }).response ?? '');
      } catch (e) {
        err = e as typeof err;
      }
      if (!err) {
        journal?.record({ id: r.id, state: 'sent', email: m.to, messageId: m.messageId, attempt, code: Number(response.slice(0, 3)) || 250, response });
        summary.sent++;
        inRow = 0;
        return;
      }
      const code = err.responseCode;
      const text = (err.response ?? err.message).trim();
      if (err.code && FATAL.has(err.code)) {
        journal?.record({ id: r.id, state: 'deferred', email: m.to, messageId: m.messageId, attempt, code, response: text });
        summary.failed.push({ id: r.id, email: m.to, code, response: text, state: 'deferred' });
        summary.stopped ??= `the SMTP server refused the connection (${err.code}: ${text}) — check REPORT_SMTP_URL`;
        return;
      }
      if (code !== undefined && code >= 500) {
        journal?.record({ id: r.id, state: 'failed', email: m.to, messageId: m.messageId, attempt, code, response: text });
        summary.failed.push({ id: r.id, email: m.to, code, response: text, state: 'failed' });
        inRow = 0;
        return;
      }
      const transient = (code !== undefined && code >= 400) || (err.code !== undefined && TRANSIENT.has(err.code));
      if (!transient) throw err;
      if (attempt >= mail.retry.attempts || summary.stopped) {
        journal?.record({ id: r.id, state: 'deferred', email: m.to, messageId: m.messageId, attempt, code, response: text });
        summary.failed.push({ id: r.id, email: m.to, code, response: text, state: 'deferred' });
        if (++inRow >= GIVE_UP_AFTER) summary.stopped ??= `${GIVE_UP_AFTER} messages in a row could not be delivered (${text}); stopped — rerun to send the rest`;
        return;
      }
      // 1×, 2×, 4×… the first delay, at most a minute.
      await sleep(Math.min(60_000, mail.retry.firstDelayMs * 2 ** (attempt - 1)));
    }
  };
  const worker = async () => {
    while (!summary.stopped && next < targets.length) {
      const r = targets[next++];
      await sendOne(r);
      opts.onProgress?.({ done: ++done, total: targets.length, failed: summary.failed.length });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(mail.connections, targets.length) }, worker));
  } finally {
    transport.close();
    journal?.close();
  }
  return summary;
}
