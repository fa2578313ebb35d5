// The HTML edition in a real browser (headless Chromium): no WCAG 2.1 AA violation by axe-core,
// no request leaving the page, readable on a phone (nothing wider than the screen), and the
// same text as the PDF: every heading, paragraph and caption the tagged PDF reads, in the same
// order, and nothing in the body that the PDF does not say (the page's header may add the
// date and the organisation's full name, which the handout's title band leaves out).
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { launchChromium } from '../helpers/browser.js';
import { FIXTURES } from '../helpers/paths.js';
import { structureText } from '../helpers/structureText.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let browser: Browser;
const builds = new Map<string, Promise<BuildResult>>();
const build = (root: string) => {
  if (!builds.has(root)) builds.set(root, buildProject({ root, dryRun: true, html: true }));
  return builds.get(root)!;
};

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width = 390, height = 844): Promise<{ page: Page; requests: string[] }> {
  // bypassCSP: the page forbids every script, and axe has to be injected.
  const ctx = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await ctx.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!/^(data|about):/.test(r.url())) requests.push(r.url());
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

/** Text without any white space: line breaks and spacing differ between a page and a PDF, words do not. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.each(Object.entries(FIXTURES))('HTML edition: %s', (_fixture, root) => {
  for (const name of ['brief', 'handout']) {
    it(`${name}: axe-core finds no WCAG 2.1 A/AA violation; no request leaves the page; fits a phone`, async () => {
      const doc = (await build(root)).documents.find((d) => d.name === name)!;
      expect(doc.html).toBeDefined();
      const { page, requests } = await open(doc.html!.data.toString('utf8'));
      try {
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        const violations = (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
        expect(violations).toEqual([]);
        expect(requests).toEqual([]);
        const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, lang: document.documentElement.lang, svgs: document.querySelectorAll('figure.chart svg[role="img"]').length, fonts: [...document.fonts].filter((f) => f.status === 'loaded').length }));
        expect(fit.scroll).toBeLessThanOrEqual(fit.width);
        expect(fit.lang).toBe(doc.laid.info.lang);
        expect(fit.svgs).toBeGreaterThan(0);
        await page.evaluate(() => document.fonts.ready);
        const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
        expect(loaded).toContain('Source Serif 4');
        expect(loaded).toContain('Source Sans 3');
      } finally {
        await page.context().close();
      }
    });

    it(`${name}: the same headings, paragraphs and captions as the PDF, in reading order`, async () => {
      const doc = (await build(root)).documents.find((d) => d.name === name)!;
      const { page } = await open(doc.html!.data.toString('utf8'), 1000, 800);
      try {
        const blocks = await page.evaluate(() => {
          const sel = 'h1, h2, h3, h4, h5, h6, p, figcaption';
          return [...document.querySelectorAll(sel)]
            .filter((e) => !e.closest('nav, details'))
            .map((e) => ({ main: !!e.closest('main'), text: (e as HTMLElement).textContent ?? '' }));
        });
        const html = blocks.map((b) => ({ ...b, text: b.text.replace(/\s+/g, '') })).filter((b) => b.text);
        const pdf = structureText(doc.laid, new Set(['TOC'])).filter((x) => /^(P|H\d|Caption)$/.test(x.type)).map((x) => squeeze(x.text));
        expect(pdf.length).toBeGreaterThan(10);
        // Every paragraph the PDF reads, in order, in the page.
        let at = 0;
        for (const p of pdf) {
          // The page's header may say more than the PDF's title band (the date, the full name).
          const found = html.findIndex((h, i) => i >= at && (h.text === p || (!h.main && h.text.startsWith(p))));
          expect(found, `PDF paragraph "${p.slice(0, 60)}" after HTML block ${at}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
        // And the body says nothing the PDF does not.
        const pdfSet = new Set(pdf);
        const extra = html.filter((h) => h.main && !pdfSet.has(h.text)).map((h) => h.text.slice(0, 80));
        expect(extra).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
