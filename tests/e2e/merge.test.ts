// `report merge`: one PDF per recipient (their letter, then the brief, as one tagged PDF) and
// a manifest; every recipient's fields checked before anything is built; the same bytes for a
// recipient whatever came before them; shards that together make exactly the unsharded set;
// a run killed with SIGKILL leaves whole files and the rerun finishes the rest.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputErrors } from '../../src/errors.js';
import { concatPdfs } from '../../src/merge/concatPdfs.js';
import { MergeEngine } from '../../src/merge/mergeEngine.js';
import { parsePdf } from '../../src/merge/pdfObjects.js';
import { runMerge, type MergeResult } from '../../src/merge/runMerge.js';
import { inShard } from '../../src/merge/shard.js';
import { loadRecipients } from '../../src/recipients/loadRecipients.js';
import { readRecipientsConfig } from '../../src/recipients/recipientsConfig.js';
import { runShippedCli, spawnShippedCli } from '../helpers/cliBundle.js';
import { mailProject } from '../helpers/mailProject.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';

const MERGE = 'merge:\n  documents: [letter, brief]\n';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The fixture's six recipients and `extra` more like the first (ids x01…). */
function withMoreRecipients(dir: string, extra: number): void {
  const file = join(dir, 'content/recipients.csv');
  const rows = Array.from({ length: extra }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return `x${n},donor.${n}@example.org,Donor ${n},,en-GB,"${n} Sample Road\nTestville",Prevent,${10 * (i + 1)},2026-0${(i % 9) + 1}-1${i % 10},${20 * (i + 1)}`;
  });
  writeFileSync(file, readFileSync(file, 'utf8').trimEnd() + '\n' + rows.join('\n') + '\n');
}

const pdfsIn = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => [f, sha(readFileSync(join(dir, f)))]));

describe('report merge', () => {
  let dir: string;
  let result: MergeResult;
  beforeAll(async () => {
    dir = mailProject(MERGE);
    result = await runMerge({ root: dir });
  }, 120_000);

  it('writes each recipient\'s letter and the brief as one tagged PDF, and a manifest of them', async () => {
    const m = result.manifest;
    expect(m.documents).toEqual(['letter', 'brief']);
    expect(m.entries.map((e) => e.file)).toEqual(['r01.pdf', 'r02.pdf', 'r03.pdf', 'r04.pdf', 'r05.pdf', 'r06.pdf']);
    expect(m.failed).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'output/letters/manifest.json'), 'utf8'))).toEqual(m);
    for (const e of m.entries) {
      const pdf = readFileSync(join(dir, 'output/letters', e.file));
      expect([pdf.length, sha(pdf)]).toEqual([e.bytes, e.sha256]);
    }
    const pdf = readFileSync(join(dir, 'output/letters/r02.pdf'));
    const text = await readPdfText(pdf);
    expect(text.numPages).toBe(m.entries[1].pages);
    expect(normalise(text.pages[0])).toContain('Dear Mr Okoro,');
    expect(normalise(text.pages[0])).toContain('$1,200');
    expect(normalise(text.pages[1])).toContain('Ending child sex trafficking in Cambodia');
    const ua = await checkPdfUa(pdf);
    expect(ua.failures).toEqual([]);
    expect(ua.stats.pages).toBe(text.numPages);
    expect(ua.stats.annots).toBeGreaterThan(10); // the brief's links came along, attached to its structure
    execFileSync('qpdf', ['--check', join(dir, 'output/letters/r02.pdf')]);
  }, 60_000);

  it('gives a recipient the same bytes built first in a fresh session or after others', async () => {
    const list = loadRecipients(dir, readRecipientsConfig(dir));
    const engine = await MergeEngine.open({ root: dir, documents: ['letter', 'brief'], list });
    const alone = await engine.build(list.recipients.find((r) => r.id === 'r05')!);
    expect(sha(alone.pdf)).toBe(result.manifest.entries.find((e) => e.id === 'r05')!.sha256);
  }, 60_000);

  it('checks every recipient\'s fields first: all problems at once, and nothing is written', async () => {
    const d = mailProject(MERGE);
    const md = join(d, 'content/letter.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Dear {{recipient.salutation | default: "friend"}},', 'Dear {{recipient.salutation}},'));
    const e = await runMerge({ root: d }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as InputErrors).errors.map((x) => x.message)).toEqual([
      'content/letter.md:11:6: recipient r03 (content/recipients.csv:9) has no salutation — fill it in, or give a fallback: {{recipient.salutation | default: "…"}}',
      'content/letter.md:11:6: recipient r06 (content/recipients.csv:16) has no salutation — fill it in, or give a fallback: {{recipient.salutation | default: "…"}}',
    ]);
    expect(existsSync(join(d, 'output/letters'))).toBe(false);
  }, 60_000);

  it('joins PDFs whose destination names collide: names made unique, outline chained, still tagged', async () => {
    const brief = readFileSync(join(dir, 'output/letters/r01.pdf'));
    const twice = concatPdfs([parsePdf(brief), parsePdf(brief)]);
    const ua = await checkPdfUa(twice);
    expect(ua.failures).toEqual([]);
    expect(ua.stats.pages).toBe(2 * result.manifest.entries[0].pages);
    const s = twice.toString('latin1');
    expect(s).toContain('(appendix)');
    expect(s).toContain('(appendix-2)');
    const file = join(dir, 'twice.pdf');
    writeFileSync(file, twice);
    execFileSync('qpdf', ['--check', file]);
  }, 60_000);
});

describe('report merge as processes', () => {
  it('four shards (--shard K/4) write exactly the files, byte for byte, that one process writes', () => {
    const d = mailProject(MERGE);
    withMoreRecipients(d, 6);
    const whole = runShippedCli(['merge', '--root', d, '--out', join(d, 'all'), '--quiet']);
    expect(whole.stderr).toBe('');
    expect(whole.status).toBe(0);
    const shards = [1, 2, 3, 4].map((k) => runShippedCli(['merge', '--root', d, '--out', join(d, 'shards'), '--shard', `${k}/4`, '--quiet']));
    for (const s of shards) expect([s.status, s.stderr]).toEqual([0, '']);
    const all = pdfsIn(join(d, 'all'));
    expect(Object.keys(all)).toHaveLength(12);
    expect(pdfsIn(join(d, 'shards'))).toEqual(all);
    // Each shard's manifest lists its own share; together they are the whole list, once each.
    const ids = [1, 2, 3, 4].flatMap((k) => JSON.parse(readFileSync(join(d, `shards/manifest-${k}-of-4.json`), 'utf8')).entries.map((e: { id: string }) => e.id));
    expect(ids.sort()).toEqual(Object.keys(all).map((f) => f.replace('.pdf', '')));
    // The share is stable: it depends on the id alone.
    expect(ids.filter((id) => inShard(id, { index: 2, count: 4 }))).toEqual(JSON.parse(readFileSync(join(d, 'shards/manifest-2-of-4.json'), 'utf8')).entries.map((e: { id: string }) => e.id).sort());
  }, 300_000);

  it('a document past 1,000 pages stops the run with the document named once (exit 2), as build does', () => {
    const d = mailProject(MERGE);
    // 100,000 lines of code in the brief, the document every recipient shares: some 1,400 pages.
    const brief = join(d, 'content/brief.md');
    writeFileSync(brief, `${readFileSync(brief, 'utf8')}\n\n\`\`\`\n${'x\n'.repeat(100_000)}\`\`\`\n`);
    const r = runShippedCli(['merge', '--root', d, '--quiet'], { timeout: 120_000, killSignal: 'SIGKILL' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at |build failed|TooManyPages/m);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['content/brief.md: the document lays out to more than 1000 pages, over the limit of 1000 — split it into documents, or shorten its lists and tables']);
    expect(existsSync(join(d, 'output/letters/manifest.json'))).toBe(false);
  }, 240_000);

  it('killed with SIGKILL part-way, it leaves whole PDFs, and the rerun finishes the rest', async () => {
    const d = mailProject(MERGE);
    withMoreRecipients(d, 14);
    const out = join(d, 'out');
    const journal = join(out, '.merge-journal.jsonl');
    const child = spawnShippedCli(['merge', '--root', d, '--out', out]);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill once three recipients are recorded (bounded wait: at most 240 s).
    for (let i = 0; i < 2400; i++) {
      if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').filter(Boolean).length >= 4) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await exited;
    const before = readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(20);
    for (const f of before) {
      const pdf = readFileSync(join(out, f));
      expect(pdf.subarray(-6).toString(), f).toContain('%%EOF');
    }
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const rerun = runShippedCli(['merge', '--root', d, '--out', out]);
    expect(rerun.status).toBe(0);
    const kept = Number(/(\d+) unchanged since an earlier run/.exec(rerun.stdout)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(rerun.stdout).toContain(`${20 - kept} built`);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.entries).toHaveLength(20);
    for (const e of m.entries) expect(sha(readFileSync(join(out, e.file)))).toBe(e.sha256);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Resumed and built PDFs are what an uninterrupted run makes.
    const whole = await runMerge({ root: d, outDir: join(d, 'whole') });
    expect(whole.manifest.entries.map((e) => e.sha256)).toEqual(m.entries.map((e: { sha256: string }) => e.sha256));
  }, 400_000);
});
