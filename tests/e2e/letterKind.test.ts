// The letter kind: one page with the letterhead, the recipient's address block and the date,
// the text with its merge fields and a sign-off; a proof when built with no recipient; a
// located error naming the recipient when their letter does not fit the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/build/buildSession.js';
import { buildProject } from '../../src/build/buildProject.js';
import { compileCached } from '../../src/build/chartCache.js';
import { BUILT_IN_KINDS } from '../../src/documents/builtInKinds.js';
import { KindRegistry } from '../../src/documents/kindRegistry.js';
import { letterKind, type LetterOptions } from '../../src/documents/letter/letterKind.js';
import { InputError } from '../../src/errors.js';
import { pageBox } from '../../src/layout/pageGeometry.js';
import { loadProject } from '../../src/load/loadProject.js';
import { loadTemplate } from '../../src/load/loadTemplate.js';
import { parseMarkdown } from '../../src/parse/parseMarkdown.js';
import { loadRecipients } from '../../src/recipients/loadRecipients.js';
import { readRecipientsConfig } from '../../src/recipients/recipientsConfig.js';
import { renderPdf } from '../../src/render/renderPdf.js';
import { resolveDocument } from '../../src/resolve/resolveDocument.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { mailProject } from '../helpers/mailProject.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';

/** The letter of one recipient of the project's recipients file, through the stages. */
async function letterFor(dir: string, id: string) {
  const kinds = new KindRegistry(BUILT_IN_KINDS);
  const source = loadProject(dir, kinds, ['letter']);
  const list = loadRecipients(dir, readRecipientsConfig(dir));
  const recipient = list.recipients.find((r) => r.id === id)!;
  const t = loadTemplate(dir, 'templates/letter.yaml', letterKind);
  const session = new BuildSession();
  return session.run(async () => {
    const { tree } = parseMarkdown(source.documents[0]);
    const doc = await resolveDocument(tree, source, t, pageBox(t, 'a4').content(1).width, (n, w, h) => compileCached(session, source, t, n, w, h).drawing,
      { recipient, columns: list.columns, types: list.types, locale: source.config.locale });
    const laid = letterKind.compose({ doc, template: t, options: t.options as LetterOptions, paper: 'a4', strings: letterKind.strings }).laid;
    const pdf = await renderPdf(laid, { date: new Date('2026-11-30T00:00:00Z'), producer: 'test' });
    return { laid, pdf, text: normalise((await readPdfText(pdf)).pages.join('\n')) };
  });
}

/** A w×h PNG of one colour (a stand-in signature). */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 40)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('the letter kind', () => {
  it('built alone, it is a one-page, tagged proof showing where each field goes', async () => {
    const dir = mailProject();
    const r = await buildProject({ root: dir, only: ['letter'], dryRun: true });
    expect(r.documents.map((d) => [d.name, d.kind, d.pages])).toEqual([['letter', 'letter', 1]]);
    const text = normalise((await readPdfText(r.documents[0].pdf)).pages[0]);
    for (const s of ['AIM', 'hello@example.org', 'Placeholder contact details', '«name» «address»', '30 November 2026', 'Dear «salutation»,', 'Thank you for your gift of «last_gift»', 'The AIM team']) expect(text).toContain(s);
    // `::: if not` sections are left out of a proof (every field counts as present).
    expect(text).not.toContain('Thank you for your interest');
    const ua = await checkPdfUa(r.documents[0].pdf);
    expect(ua.failures).toEqual([]);
    expect(ua.stats.structElems).toBeGreaterThan(10);
  }, 60_000);

  it('for a recipient: their address, salutation, gift in their language, the right sections', async () => {
    const dir = mailProject();
    const anna = await letterFor(dir, 'r01');
    expect(anna.text).toContain('Anna Berg 1 Test Road Testville TE1 1AA United Kingdom 30 November 2026');
    expect(anna.text).toContain('Dear Ms Berg,');
    expect(anna.text).toContain('Thank you for your gift of $250, received on 14 March 2026.');
    expect(anna.text).toContain('a gift of $300 would go');
    expect(anna.text).not.toContain('«');
    const claire = await letterFor(dir, 'r04');
    expect(claire.text).toMatch(/Thank you for your gift of 1 250,50 \$, received on 30 juin 2026\./);
    // No gift, no salutation: the fallback and the other section; a Vietnamese name.
    const chi = await letterFor(dir, 'r03');
    expect(chi.text).toContain('Trần Thị Chi');
    expect(chi.text).toContain('Dear friend,');
    expect(chi.text).toContain('Thank you for your interest in this work.');
    expect(chi.text).not.toContain('Thank you for your gift');
    expect((await checkPdfUa(chi.pdf)).failures).toEqual([]);
  }, 60_000);

  it('sets a Khmer name in the Khmer font, tagged with its language', async () => {
    const sokha = await letterFor(mailProject(), 'r05');
    expect(sokha.text).toContain('សុខា គឹម');
    const frags = sokha.laid.pages[0].items.flatMap((i) => (i.kind === 'text' ? i.fragments : []));
    expect(frags.some((f) => f.style.font === 'khmer')).toBe(true);
    expect((await checkPdfUa(sokha.pdf)).failures).toEqual([]);
  }, 60_000);

  it('places a signature image at the template\'s height, described for screen readers', async () => {
    const dir = mailProject();
    writeFileSync(join(dir, 'content/signature.png'), png(300, 100));
    const md = join(dir, 'content/letter.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('With gratitude,\n\nThe AIM team', 'With gratitude,\n\n![Signature of the director](signature.png)\n\nThe AIM team'));
    const { laid, pdf } = await letterFor(dir, 'r01');
    const img = laid.pages[0].items.find((i) => i.kind === 'image');
    expect(img && img.kind === 'image' && Math.round(img.h)).toBe(Math.round(14 * 72 / 25.4));
    expect(img && img.kind === 'image' && Math.round(img.w)).toBe(Math.round(14 * 72 / 25.4 * 3));
    expect((await checkPdfUa(pdf)).failures).toEqual([]);
  }, 60_000);

  it('a letter longer than its page is a located error naming the recipient\'s row', async () => {
    const dir = mailProject();
    const md = join(dir, 'content/letter.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('::: signature', 'Much more to say. '.repeat(200) + '\n\n::: signature'));
    const e = await letterFor(dir, 'r02').then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/^content\/letter\.md: the letter to r02 \(content\/recipients\.csv:7\) does not fit on one page: \d+ mm \(about \d+ lines\) too long, from .* on — shorten the text/);
  }, 60_000);
});
