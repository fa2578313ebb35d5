// `report send` against a real SMTP server (smtp-server on 127.0.0.1, with AUTH), read back
// with mailparser: recipients, subjects, merge fields, text and HTML, headers, attachments
// byte-equal to the merged PDFs; faults (a connection cut mid-message, 421/451 then recovery,
// 552 and 550); the sender killed with SIGKILL mid-run and run again: every recipient gets
// the message exactly once.
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { stableMessageId } from '../../src/mail/messageId.js';
import { sendCampaign, type SendOptions } from '../../src/mail/sendCampaign.js';
import { runMerge } from '../../src/merge/runMerge.js';
import { spawnShippedCli } from '../helpers/cliBundle.js';
import { mailProject } from '../helpers/mailProject.js';
import { startDropProxy, startSmtpServer, type TestSmtp } from '../helpers/smtpTestServer.js';

const IDS = ['r01', 'r02', 'r03', 'r04', 'r05', 'r06'];
const EMAIL: Record<string, string> = {
  r01: 'anna.berg@example.org', r02: 'ben.okoro@example.org', r03: 'chi.tran@example.org',
  r04: 'claire.dupont@example.org', r05: 'sokha.kim@example.org', r06: 'trust@example.org',
};

function mailYaml(extra = ''): string {
  return `merge:
  documents: [letter, brief]
mail:
  campaign: test-campaign
  from: "AIM <hello@example.org>"
  replyTo: hello@example.org
  attach: [merged]
  unsubscribe: { url: "https://example.org/unsubscribe?id={id}", mailto: unsubscribe@example.org }
  ratePerSecond: 200
  connections: 2
  retry: { attempts: 4, firstDelaySeconds: 0.02 }
${extra}`;
}

let base: string;
beforeAll(async () => {
  base = mailProject(mailYaml());
  await runMerge({ root: base });
}, 180_000);

/** A copy of the merged project with the mail section as given. */
function project(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-send-'));
  cpSync(base, dir, { recursive: true });
  const config = join(dir, 'content/config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/merge:\n[\s\S]*$/, mailYaml(extra)));
  return dir;
}

const servers: TestSmtp[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});
async function server(): Promise<TestSmtp> {
  const s = await startSmtpServer();
  servers.push(s);
  return s;
}

const send = (root: string, smtp: string, more: Partial<SendOptions> = {}) => sendCampaign({ root, smtp, env: {}, ...more });
const parse = (raw: Buffer): Promise<ParsedMail> => simpleParser(raw);
const countByRecipient = (s: TestSmtp) => {
  const n: Record<string, number> = {};
  for (const m of s.received) for (const to of m.to) n[to] = (n[to] ?? 0) + 1;
  return n;
};
const journal = (root: string) => readdirSync(join(root, 'output/mail')).filter((f) => f.endsWith('.send-journal.jsonl'))
  .flatMap((f) => readFileSync(join(root, 'output/mail', f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; state: string; code?: number; response?: string }));

describe('report send', () => {
  it('sends each recipient one message: subject, merge fields, text and HTML, headers, their PDF byte for byte', async () => {
    const root = project();
    const s = await server();
    const r = await send(root, s.url);
    expect({ sent: r.sent, skipped: r.skipped, failed: r.failed }).toEqual({ sent: 6, skipped: 0, failed: [] });
    expect(countByRecipient(s)).toEqual(Object.fromEntries(IDS.map((id) => [EMAIL[id], 1])));
    const byTo = new Map<string, ParsedMail>();
    for (const m of s.received) byTo.set(m.to[0], await parse(m.raw));
    const anna = byTo.get(EMAIL.r01)!;
    expect(s.received.every((m) => m.from === 'hello@example.org')).toBe(true);
    expect(anna.subject).toBe('Anna Berg, our new brief on child sex trafficking in Cambodia');
    expect(anna.from?.value).toEqual([{ name: 'AIM', address: 'hello@example.org' }]);
    expect(anna.to && !Array.isArray(anna.to) && anna.to.value[0]).toEqual({ name: 'Anna Berg', address: EMAIL.r01 });
    expect(anna.replyTo?.text).toBe('hello@example.org');
    expect(anna.messageId).toBe(stableMessageId('test-campaign', 'r01', 'hello@example.org'));
    // The text part is wrapped at 72 characters: compare with its lines joined.
    const text = anna.text!.replace(/[ \r\n]+/g, ' ');
    expect(anna.text!.split('\n').every((l) => l.length <= 72 || !l.includes(' '))).toBe(true);
    expect(text).toContain('Dear Ms Berg,');
    expect(text).toContain('Thank you for your gift of $250.');
    expect(text).toContain('4.5 million people worldwide');
    expect(text).toContain('our website <https://example.org/brief>');
    expect(text).toContain('[1] International Labour Organization');
    expect(text).toContain('https://example.org/unsubscribe?id=r01');
    const html = String(anna.html);
    expect(html).toContain('background:#0f5c63'); // the template's accent colour
    expect(html).toContain('A letter for you and the brief: what we know'); // the preheader
    expect(html).toContain('<em>Ending child sex trafficking in Cambodia</em>');
    expect(html).toContain('<a href="https://example.org/brief" style="color:#0f5c63">our website</a>');
    expect(html).toContain('<li style="margin:0 0 6px">Prevent</li>');
    // RFC 8058 One-Click: both headers, as mailparser reads them and as written.
    expect(anna.headers.get('list')).toEqual({
      unsubscribe: { url: 'https://example.org/unsubscribe?id=r01', mail: 'unsubscribe@example.org?subject=unsubscribe%20r01' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(anna.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(anna.attachments.map((a) => [a.filename, a.contentType])).toEqual([['AIM-letter-brief.pdf', 'application/pdf']]);
    for (const id of IDS) {
      const m = byTo.get(EMAIL[id])!;
      expect(m.attachments[0].content.equals(readFileSync(join(root, 'output/letters', `${id}.pdf`))), id).toBe(true);
    }
    // No salutation, no gift: the fallback, and no thanks for a gift; French formats; a Khmer name.
    expect(byTo.get(EMAIL.r03)!.text).toContain('Dear friend,');
    expect(byTo.get(EMAIL.r03)!.text).not.toContain('Thank you for your gift');
    expect(byTo.get(EMAIL.r04)!.text!.replace(/[ \r\n]+/g, ' ')).toMatch(/1\u202f250,50[\u00a0\u202f]\$/);
    expect(byTo.get(EMAIL.r05)!.subject).toBe('សុខា គឹម, our new brief on child sex trafficking in Cambodia');
    // Everything is in the journal; a rerun sends nothing again.
    expect(journal(root).filter((j) => j.state === 'sent').map((j) => j.id).sort()).toEqual(IDS);
    const again = await send(root, s.url);
    expect({ sent: again.sent, skipped: again.skipped }).toEqual({ sent: 0, skipped: 6 });
    expect(s.received).toHaveLength(6);
  }, 120_000);

  it('retries a cut connection, 421 and 451; records 552 and 550 with the server\'s reply; a rerun sends only what was not accepted', async () => {
    const root = project();
    const s = await server();
    s.fault = (stage, email, attempt) => {
      if (stage === 'rcpt' && email === EMAIL.r03 && attempt === 1) return { code: 421, message: 'Service not available, try again later' };
      if (stage === 'data' && email === EMAIL.r04 && attempt === 1) return { code: 451, message: 'Local error in processing' };
      if (stage === 'data' && email === EMAIL.r05) return { code: 552, message: 'Message exceeds fixed maximum message size' };
      if (stage === 'rcpt' && email === EMAIL.r06) return { code: 550, message: 'Mailbox unavailable' };
      return undefined;
    };
    const proxy = await startDropProxy(s.port, EMAIL.r02, 2000);
    try {
      const r = await send(root, proxy.url);
      expect(proxy.dropped()).toBe(true);
      expect(r.sent).toBe(4);
      expect(r.failed.map((f) => [f.id, f.state, f.code])).toEqual(expect.arrayContaining([['r05', 'failed', 552], ['r06', 'failed', 550]]));
      expect(r.failed).toHaveLength(2);
      expect(r.failed.find((f) => f.id === 'r05')!.response).toContain('552 Message exceeds fixed maximum message size');
      expect(r.failed.find((f) => f.id === 'r06')!.response).toContain('550 Mailbox unavailable');
      expect(countByRecipient(s)).toEqual({ [EMAIL.r01]: 1, [EMAIL.r02]: 1, [EMAIL.r03]: 1, [EMAIL.r04]: 1 });
      expect(s.attempts.get(EMAIL.r03)).toBe(2);
      expect(s.attempts.get(EMAIL.r04)).toBe(2);
      expect(journal(root).filter((j) => j.state === 'failed').map((j) => [j.id, j.code])).toEqual(expect.arrayContaining([['r05', 552], ['r06', 550]]));
      // The server mends its ways; the rerun sends the two refused messages and nothing else.
      s.fault = () => undefined;
      const again = await send(root, proxy.url);
      expect({ sent: again.sent, skipped: again.skipped, failed: again.failed.length }).toEqual({ sent: 2, skipped: 4, failed: 0 });
      expect(countByRecipient(s)).toEqual(Object.fromEntries(IDS.map((id) => [EMAIL[id], 1])));
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('stops after three messages in a row outlast their retries, and a rerun sends the rest once', async () => {
    const root = project();
    const s = await server();
    // Once two messages are through, the server answers every recipient with 421.
    s.fault = (stage) => (stage === 'rcpt' && s.received.length >= 2 ? { code: 421, message: 'Service shutting down' } : undefined);
    const r = await send(root, s.url, {});
    expect(r.sent).toBe(2);
    expect(r.stopped).toMatch(/3 messages in a row could not be delivered \(421 Service shutting down\)/);
    expect(r.failed.length).toBeGreaterThanOrEqual(3);
    expect(r.failed.every((f) => f.state === 'deferred' && f.code === 421)).toBe(true);
    s.fault = () => undefined;
    const again = await send(root, s.url);
    expect(again.skipped).toBe(r.sent);
    expect(again.sent + again.skipped).toBe(6);
    expect(countByRecipient(s)).toEqual(Object.fromEntries(IDS.map((id) => [EMAIL[id], 1])));
  }, 120_000);

  it('a refused login stops the run before anything is delivered', async () => {
    const s = await server();
    const r = await send(project(), s.url.replace(':test-password@', ':wrong@'));
    expect(r.sent).toBe(0);
    expect(r.stopped).toMatch(/refused the connection \(EAUTH/);
    expect(s.received).toEqual([]);
  }, 60_000);

  it('checks the size budget, after base64, for every message before sending any; or sends links', async () => {
    const s = await server();
    const e = await send(project('  maxMessageMb: 0.1\n'), s.url).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as InputErrors).errors.map((x) => x.message)).toEqual(IDS.map((id) => expect.stringMatching(new RegExp(`^content/recipients\\.csv:\\d+: the message to ${id} is 0\\.\\d MB with its attachments base64-encoded; the budget is 0\\.1 MB`))));
    expect(s.received).toEqual([]);
    const r = await send(project('  maxMessageMb: 0.1\n  attachments: link\n  linkBase: https://example.org/letters/\n'), s.url);
    expect({ sent: r.sent, linked: r.linked }).toEqual({ sent: 6, linked: 6 });
    const m = await parse(s.received[0].raw);
    expect(m.attachments).toEqual([]);
    expect(m.text).toMatch(/AIM-letter-brief \(PDF\): https:\/\/example\.org\/letters\/r0\d\.pdf/);
    expect(String(m.html)).toMatch(/href="https:\/\/example\.org\/letters\/r0\d\.pdf"/);
  }, 120_000);

  it('--test-to sends the first messages to one address only, outside the campaign\'s journal', async () => {
    const root = project();
    const s = await server();
    const r = await send(root, s.url, { testTo: 'me@example.org', testCount: 2 });
    expect(r.sent).toBe(2);
    expect(s.received.map((m) => m.to)).toEqual([['me@example.org'], ['me@example.org']]);
    expect((await Promise.all(s.received.map((m) => parse(m.raw)))).map((m) => m.subject).sort()).toEqual([
      '[test for r01] Anna Berg, our new brief on child sex trafficking in Cambodia',
      '[test for r02] Ben Okoro, our new brief on child sex trafficking in Cambodia',
    ]);
    expect(journal(root)).toEqual([]);
    expect((await send(root, s.url)).sent).toBe(6);
  }, 120_000);

  it('--dry-run writes each message as .eml (the same bytes every time), DKIM-signed when a key is given', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'report-dkim-')), 'dkim.pem');
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const root = project(`  dkim: { domain: example.org, selector: report, keyFile: ${keyFile} }\n`);
    const r = await sendCampaign({ root, dryRun: true, env: {} });
    expect(r.files).toEqual(IDS.map((id) => `output/mail/${id}.eml`));
    const first = IDS.map((id) => readFileSync(join(root, 'output/mail', `${id}.eml`)));
    const m = await parse(first[1]);
    expect(m.subject).toBe('Ben Okoro, our new brief on child sex trafficking in Cambodia');
    expect(m.text).toContain('Dear Mr Okoro,');
    expect(m.text!.replace(/[ \r\n]+/g, ' ')).toContain('Thank you for your gift of $1,200.');
    expect(m.attachments[0].content.equals(readFileSync(join(root, 'output/letters/r02.pdf')))).toBe(true);
    expect(m.date?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    const head = first[1].toString('latin1').split('\r\n\r\n')[0];
    expect(head).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m);
    expect(head).toMatch(/d=example\.org;/);
    expect(head).toMatch(/s=report;/);
    await sendCampaign({ root, dryRun: true, env: {} });
    IDS.forEach((id, i) => expect(readFileSync(join(root, 'output/mail', `${id}.eml`)).equals(first[i]), id).toBe(true));
    expect(existsSync(join(root, 'output/mail/test-campaign.send-journal.jsonl'))).toBe(false);
  }, 120_000);
});

describe('report send as a process, killed with SIGKILL mid-run', () => {
  it('run again after each kill, every recipient gets the message exactly once', async () => {
    const root = project();
    const config = join(root, 'content/config.yaml');
    // One connection, so messages go in list order and the kills land where the test says.
    writeFileSync(config, readFileSync(config, 'utf8').replace('connections: 2', 'connections: 1'));
    const s = await server();
    const run = (killAt?: { stage: 'rcpt' | 'data'; email: string }) => new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
      const child = spawnShippedCli(['send', '--root', root]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      s.fault = (stage, email) => {
        if (!killAt || stage !== killAt.stage || email !== killAt.email) return undefined;
        // Hold the server's answer, kill the sender while it waits for it, then refuse.
        return { hold: (release) => { child.kill('SIGKILL'); release({ code: 451, message: 'aborted' }); } };
      };
      child.on('exit', (code, signal) => resolve({ code, signal, out }));
    });
    // The child inherits the environment: the server's address as an operator would give it.
    process.env.REPORT_SMTP_URL = s.url;
    try {
      // Killed waiting for the answer to r03's RCPT, then to the end of r05's message.
      const first = await run({ stage: 'rcpt', email: EMAIL.r03 });
      expect(first.signal).toBe('SIGKILL');
      expect(countByRecipient(s)).toEqual({ [EMAIL.r01]: 1, [EMAIL.r02]: 1 });
      const second = await run({ stage: 'data', email: EMAIL.r05 });
      expect(second.signal).toBe('SIGKILL');
      expect(countByRecipient(s)).toEqual({ [EMAIL.r01]: 1, [EMAIL.r02]: 1, [EMAIL.r03]: 1, [EMAIL.r04]: 1 });
      const third = await run();
      expect(third.code, third.out).toBe(0);
      expect(third.out).toContain('sent 2, skipped 4 (already sent), failed 0');
      expect(countByRecipient(s)).toEqual(Object.fromEntries(IDS.map((id) => [EMAIL[id], 1])));
    } finally {
      delete process.env.REPORT_SMTP_URL;
    }
  }, 400_000);
});
