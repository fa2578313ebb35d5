// Nothing is hidden, overlapped or off the page, for any organisation's content: every document
// of every fixture project passes the placement check; handouts whose text just fits or just misses one page (and one
// sheet) keep their call to action clear of the text, or fail with the located overflow
// error; long titles, names, figures and contact details stay inside their boxes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, type BuiltDocument } from '../../src/build/buildProject.js';
import { BuildSession } from '../../src/build/buildSession.js';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { checkPlacement, formatPlacementProblem } from '../../src/layout/checkPlacement.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';
import { fixtureDocuments } from '../helpers/fixtureDocuments.js';
import { ALL_FIXTURES, fixtureBuild, SAMPLE_ROOT as ROOT, scratchProject } from '../helpers/project.js';

const problems = (d: Pick<BuiltDocument, 'name' | 'laid'>) => checkPlacement(d.laid).map((p) => formatPlacementProblem(d.name, p));

describe.each(Object.entries(ALL_FIXTURES))('the documents of the %s fixture', (_fixture, root) => {
  it('all pass the placement check', async () => {
    const r = await fixtureBuild(root);
    // Every document the project lists was built and checked.
    expect(r.documents.map((d) => d.name)).toEqual(fixtureDocuments(root).map((d) => d.name));
    for (const d of r.documents) expect(problems(d)).toEqual([]);
  });
});

describe('the sample documents', () => {
  it('pass the placement check on letter paper too', async () => {
    const r = await buildProject({ root: ROOT, dryRun: true, paper: 'letter', placement: 'report' });
    for (const d of r.documents) expect(d.placement.map((p) => formatPlacementProblem(d.name, p))).toEqual([]);
  });
});

// Purpose-built handouts: two key figures, `words` words of text in paragraphs of up to 60
// words, and a call to action.
const VOCABULARY = 'donations fund outreach teams who visit villages schools and markets to explain how traffickers recruit children and what families can do to keep them safe'.split(' ');
function paragraphs(words: number): string[] {
  const out: string[] = [];
  for (let w = 0; w < words; w += 60) {
    const n = Math.min(60, words - w);
    const ws = Array.from({ length: n }, (_, i) => VOCABULARY[(w + i * 7) % VOCABULARY.length]);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    out.push(`${ws.join(' ')}.`);
  }
  return out;
}
function handoutMarkdown(paras: string[]): string {
  return `---
title: Keeping children safe in the Mekong region
date: 2026-11-30
language: en-GB
template: handout
---

::: callout ilo.sexual_exploitation
people in forced sexual exploitation worldwide in {{year ilo.sexual_exploitation}}
:::

::: callout cambodia.gsi_people
people estimated to be living in modern slavery in Cambodia in {{year cambodia.gsi_people}}
:::

${paras.join('\n\n')}

::: cta
## Give today
Donations fund outreach teams and safe homes for children at risk.
:::
`;
}

type Outcome =
  | { words: number; fitted: true; pages: number; scale: number; backHasText: boolean }
  | { words: number; fitted: false; error: string };

/** Builds a handout of `words` words and checks that, if it builds, all of it is there to read. */
async function buildHandout(dir: string, session: BuildSession, words: number): Promise<Outcome> {
  const paras = paragraphs(words);
  writeFileSync(join(dir, 'content/handout.md'), handoutMarkdown(paras));
  let d: BuiltDocument;
  try {
    // `report`, so that a placement problem shows as a list here rather than a thrown error.
    d = (await buildProject({ root: dir, dryRun: true, only: ['handout'], session, placement: 'report' })).documents[0];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { words, fitted: false, error: e.message };
  }
  expect(d.placement.map((p) => `${words} words: ${formatPlacementProblem(d.name, p)}`)).toEqual([]);
  expect(d.pages).toBeLessThanOrEqual(2);
  const text = await readPdfText(d.pdf);
  const all = normalise(text.pages.join('\n'));
  for (const p of paras) expect(all).toContain(p);
  expect(all).toContain('Give today');
  expect(all).toContain('Donations fund outreach teams and safe homes for children at risk.');
  // Text of the flow on the back: tagged (not the running footer) and not in the call to action.
  const backHasText = d.laid.pages[1]?.items.some((i) => i.kind === 'text' && i.struct !== undefined && i.within === undefined) ?? false;
  return { words, fitted: true, pages: d.pages, scale: d.scale, backHasText };
}

describe('a handout with a call to action', () => {
  it('keeps the box clear of the text where the text just fits the front, or just does not', async () => {
    const dir = scratchProject();
    const session = new BuildSession();
    const seen: Outcome[] = [];
    // From a front with room to spare to text running onto the back: a bounded scan, fine
    // enough (10 words, under two lines) to land in the band where the text fits the front
    // only without the call to action's room.
    for (let words = 420; words <= 760; words += 10) seen.push(await buildHandout(dir, session, words));
    const kinds = seen.map((o) => (!o.fitted ? 'error' : o.pages === 1 ? 'front' : o.backHasText ? 'back' : 'box alone on the back'));
    expect(seen.every((o) => o.fitted && o.scale === 1)).toBe(true);
    // All three outcomes, in this order as the text grows.
    expect([...new Set(kinds)]).toEqual(['front', 'box alone on the back', 'back']);
  }, 180_000);

  it('copy-fits, then fails with the located overflow error, as the text outgrows the sheet', async () => {
    const dir = scratchProject();
    const session = new BuildSession();
    const seen: Outcome[] = [];
    for (let words = 1100; words <= 2000 && seen.filter((o) => !o.fitted).length < 2; words += 25) seen.push(await buildHandout(dir, session, words));
    const kinds = seen.map((o) => (!o.fitted ? 'error' : o.scale < 1 ? 'copy-fitted' : 'fits'));
    expect([...new Set(kinds)]).toEqual(['fits', 'copy-fitted', 'error']);
    for (const o of seen) {
      if (!o.fitted) expect(o.error).toMatch(/^content\/handout\.md: the handout does not fit on one sheet: \d+ mm \(about \d+ lines\) too long, from text ".+" on — shorten the text; copy-fitting down to 94% was not enough$/);
    }
    // From the command line: exit code 2 (bad input), one line, no PDF written.
    const first = seen.find((o) => !o.fitted)!;
    writeFileSync(join(dir, 'content/handout.md'), handoutMarkdown(paragraphs(first.words)));
    const err: string[] = [];
    const code = await main(['build', 'handout', '--root', dir, '--out', join(dir, 'out'), '--no-cache'], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err).toEqual([first.fitted ? '' : first.error]);
    expect(existsSync(join(dir, 'out', 'handout.pdf'))).toBe(false);
  }, 180_000);
});

describe('another organisation’s names, titles, figures and contact details', () => {
  const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
    const p = join(dir, file);
    const before = readFileSync(p, 'utf8');
    const after = before.replace(from, to);
    expect(after, `${file} has ${from}`).not.toBe(before);
    writeFileSync(p, after);
  };
  const LONG_TITLE = 'Protecting children and young people from sex trafficking, forced labour and exploitation in Cambodia and the wider Mekong region';
  const LONG_SUBTITLE = 'How our partners prevent trafficking, rescue children, restore survivors and work with the authorities, communities and families to keep children safe';
  const LONG_NAME = 'Mekong Child Protection Alliance International';

  /**
   * Builds both documents (the placement check fails the build on any problem) and reads their
   * text: whitespace collapsed, or (`squeezed`) removed, for URLs broken after a hyphen.
   */
  async function build(dir: string, squeezed = false): Promise<{ brief: string; handout: string }> {
    const r = await buildProject({ root: dir, dryRun: true });
    const text = async (name: string) => {
      const s = (await readPdfText(r.documents.find((d) => d.name === name)!.pdf)).pages.join('\n');
      return squeezed ? s.replace(/\s+/g, '') : normalise(s);
    };
    return { brief: await text('brief'), handout: await text('handout') };
  }

  it('a long title, subtitle and organisation name: the title bands grow and keep them apart', async () => {
    const dir = scratchProject();
    for (const f of ['content/handout.md', 'content/brief.md']) {
      edit(dir, f, /^title: .*$/m, `title: ${LONG_TITLE}`);
      edit(dir, f, /^subtitle: .*$/m, `subtitle: ${LONG_SUBTITLE}`);
      edit(dir, f, /^organisation: .*$/m, `organisation: ${LONG_NAME}`);
    }
    const { brief, handout } = await build(dir);
    for (const s of [LONG_TITLE, LONG_SUBTITLE]) {
      expect(handout).toContain(s);
      expect(brief).toContain(s);
    }
    expect(handout).toContain(LONG_NAME);
  });

  it('a key figure too wide for its callout is set smaller', async () => {
    const dir = scratchProject();
    edit(dir, 'content/handout.md', '::: callout tip.tier_2016', '::: callout tip.tier_2007');
    expect((await build(dir)).handout).toContain('Tier 2 Watch List');
  });

  it('long contact details wrap beside the QR codes instead of running under them', async () => {
    const dir = scratchProject();
    const donate = 'https://www.example.org/donate/protect-children-from-trafficking-in-cambodia?campaign=handout';
    const website = 'https://www.mekong-child-protection-alliance.example.org';
    const email = 'partnerships-and-donations@mekong-child-protection-alliance.example.org';
    const address = 'Placeholder address, House 12, Street 123, Sangkat Boeung Keng Kang, Khan Chamkarmon, Phnom Penh, Cambodia';
    edit(dir, 'content/config.yaml', 'donate: https://example.org/donate', `donate: ${donate}`);
    edit(dir, 'content/config.yaml', 'website: https://example.org', `website: ${website}`);
    edit(dir, 'content/config.yaml', 'email: hello@example.org', `email: ${email}`);
    edit(dir, 'content/config.yaml', /address: ".*"/, `address: "${address}"`);
    const { brief, handout } = await build(dir, true);
    const squeezed = (s: string) => s.replace(/\s+/g, '');
    for (const s of [donate, website, email, address]) expect(brief).toContain(squeezed(s));
    for (const s of [donate, website, email].map((u) => u.replace(/^https:\/\//, ''))) expect(handout).toContain(s);
  });

  it('what no layout can hold fails with a located error: a cover title, callouts or a call to action taller than the page', async () => {
    const words = (n: number) => paragraphs(n).join(' ');
    const fails = async (file: string, from: string | RegExp, to: string, message: RegExp) => {
      const dir = scratchProject();
      edit(dir, file, from, to);
      const err = await buildProject({ root: dir, dryRun: true, only: [file.includes('brief') ? 'brief' : 'handout'] }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(message);
    };
    await fails('content/brief.md', /^title: .*$/m, `title: ${words(120)}`, /^content\/brief\.md: the title and subtitle are too long for the cover: they need \d+ mm more than the cover band has — shorten them$/);
    await fails('content/handout.md', 'of the population (Global Slavery Index)', words(700), /^content\/handout\.md: the key figures \(callouts\) are \d+ mm taller than the front page — shorten their labels or use fewer callouts$/);
    await fails('content/handout.md', 'A gift to AIM helps keep', `${words(1200)} A gift to AIM helps keep`, /^content\/handout\.md: the call to action \(::: cta\) is \d+ mm taller than the page — shorten its text$/);
  });
});
