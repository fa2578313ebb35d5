// The mail section of config.yaml and the SMTP address: nothing secret in committed files, TLS
// required except on this machine, every mistake located.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KindRegistry } from '../../../src/documents/kindRegistry.js';
import { BUILT_IN_KINDS } from '../../../src/documents/builtInKinds.js';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadConfig } from '../../../src/load/loadConfig.js';
import { readMailConfig } from '../../../src/mail/mailConfig.js';
import { stableMessageId } from '../../../src/mail/messageId.js';
import { parseSmtpUrl, redactSmtpUrl } from '../../../src/mail/smtpUrl.js';
import { wrap } from '../../../src/mail/emailText.js';

const BASE = `organisation: { name: AIM }
locale: en-GB
contact: { placeholder: true, website: https://example.org, donate: https://example.org/d, email: a@example.org }
documents:
  brief: { source: brief.md }
  handout: { source: handout.md }
`;

function mailConfig(mail: string) {
  const dir = mkdtempSync(join(tmpdir(), 'report-mailcfg-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/config.yaml'), BASE + mail);
  return readMailConfig(dir, loadConfig(dir, new KindRegistry(BUILT_IN_KINDS)));
}

const messages = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
};

describe('mail configuration', () => {
  it('reads a complete section, with defaults for what it leaves out', () => {
    const m = mailConfig('mail:\n  campaign: c1\n  from: "AIM <hello@example.org>"\n  attach: [merged, handout]\n  attachments: link\n  linkBase: https://example.org/x\n');
    expect(m).toMatchObject({ campaign: 'c1', from: { name: 'AIM', address: 'hello@example.org' }, message: 'content/email.md', attach: ['merged', 'handout'], attachments: 'link', linkBase: 'https://example.org/x/', maxMessageBytes: 10 * 1024 * 1024, ratePerSecond: 5, connections: 2, retry: { attempts: 5, firstDelayMs: 2000 } });
  });

  it('refuses secrets, unknown keys and bad values, each with its line', () => {
    expect(messages(() => mailConfig([
      'mail:',
      '  campaign: "my campaign"',
      '  from: hello@',
      '  smtpPassword: hunter2',
      '  atach: [merged]',
      '  attach: [merged, leaflet]',
      '  attachments: link',
      '  unsubscribe: { url: "http://example.org/u?id={id}" }',
      '  ratePerSecond: 0',
    ].join('\n') + '\n'))).toEqual([
      'content/config.yaml:10:3: mail.smtpPassword: SMTP servers and passwords never go in config.yaml — set REPORT_SMTP_URL (smtp://user:password@host:587) in the environment, or pass --smtp URL',
      'content/config.yaml:11:3: unknown key "atach" in mail — did you mean "attach"?',
      'content/config.yaml:8:13: mail.campaign "my campaign" must be letters, digits, ".", "_" or "-" — it names files and Message-IDs',
      'content/config.yaml:9:9: mail.from "hello@" is not an address — write "Name <address@example.org>" or address@example.org',
      'content/config.yaml:12:20: mail.attach: "leaflet" is neither merged (the recipient\'s PDF) nor a document — use merged or one of brief, handout',
      'content/config.yaml:13:16: mail.attachments: link needs mail.linkBase — the https address where the PDFs are published, e.g. linkBase: https://example.org/letters/',
      'content/config.yaml:14:23: mail.unsubscribe.url must be an https address, not "http://example.org/u?id={id}"',
      'content/config.yaml:15:18: mail.ratePerSecond must be a number from 0.01 to 1000',
    ]);
  });

  it('a missing mail section says what to add', () => {
    expect(messages(() => mailConfig(''))).toEqual(['content/config.yaml: config.yaml has no mail section — add mail: with at least campaign and from (see README, Mail)']);
  });
});

describe('SMTP address', () => {
  it('requires TLS (STARTTLS or implicit) for every host but this machine', () => {
    expect(parseSmtpUrl('smtp://me:p%40ss@mail.example.org')).toEqual({ host: 'mail.example.org', port: 587, secure: false, requireTLS: true, loopback: false, auth: { user: 'me', pass: 'p@ss' } });
    expect(parseSmtpUrl('smtps://me:pw@mail.example.org')).toMatchObject({ port: 465, secure: true, requireTLS: false });
    expect(parseSmtpUrl('smtp://127.0.0.1:2525')).toEqual({ host: '127.0.0.1', port: 2525, secure: false, requireTLS: false, loopback: true, auth: undefined });
    expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', loopback: true, requireTLS: false });
    expect(parseSmtpUrl('http://example.org')).toBe('the SMTP address must start with smtp:// or smtps://, not http://');
    expect(redactSmtpUrl('smtp://me:secret@mail.example.org:587')).toBe('smtp://me:***@mail.example.org:587');
  });
});

describe('messages', () => {
  it('have a Message-ID that depends only on campaign and recipient', () => {
    const a = stableMessageId('c1', 'd001', 'hello@example.org');
    expect(a).toMatch(/^<c1\.[0-9a-f]{24}@example\.org>$/);
    expect(stableMessageId('c1', 'd001', 'hello@example.org')).toBe(a);
    expect(stableMessageId('c2', 'd001', 'hello@example.org')).not.toBe(a);
    expect(stableMessageId('c1', 'd001', 'hello@example.org', true)).toMatch(/^<c1\.test\./);
  });

  it('wrap text at 72 characters without breaking words or addresses', () => {
    const long = 'word '.repeat(30) + 'https://example.org/a/very/long/address/that/is/longer/than/the/line/itself/and/more';
    const lines = wrap(long);
    expect(lines.slice(0, -1).every((l) => l.length <= 72)).toBe(true);
    expect(lines.at(-1)).toBe('https://example.org/a/very/long/address/that/is/longer/than/the/line/itself/and/more');
  });
});
