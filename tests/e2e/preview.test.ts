// `report preview` as shipped (bin/report.cjs), in headless Chromium: the pages are drawn, an
// edit shows within 2 s, broken input shows its located error over the last good pages and the
// fix clears it; and the server gives nothing but its own routes, whatever the URL.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, within } from '../helpers/browser.js';
import { spawnShippedCli } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';

let dir: string;
let cli: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
let output = '';

beforeAll(async () => {
  dir = scratchProject();
  cli = spawnShippedCli(['preview', '--root', dir, '--port', '0', '--out', join(dir, 'out'), '--no-cache']);
  cli.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  cli.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  url = await within(60_000, 'the preview prints its address', async () => /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0], 100);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${url}#handout`);
  await within(60_000, 'the first build is drawn', () => page.evaluate(() => document.getElementById('pages')!.dataset.rendered?.startsWith('handout@')), 100);
});

afterAll(async () => {
  await browser?.close();
  cli?.kill('SIGTERM');
});

/** A hash of page 1 as drawn. */
const pageOne = (p: Page) => p.evaluate(() => (document.querySelector('canvas[data-page="1"]') as HTMLCanvasElement | null)?.toDataURL() ?? '');

function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // The path is sent exactly as written: no client-side normalising of .. or %2e.
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer for ${path}`)));
    req.end();
  });
}

describe('report preview', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('draws every page with pdf.js: the screenshot is not blank and page 1 has ink', async () => {
    const count = await page.locator('#pages canvas').count();
    expect(count).toBe(2);
    const ink = await page.evaluate(() => {
      const c = document.querySelector('canvas[data-page="1"]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(10_000);
    const shot = await page.screenshot();
    // Not one colour: decode the screenshot in the page and count its distinct colours.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length && seen.size < 1000; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }, shot.toString('base64'));
    expect(colours).toBeGreaterThan(20);
    // A tab per document, and the problems listed beside the pages.
    expect(await page.locator('[role=tab]').allTextContents()).toEqual(['brief', 'handout']);
    expect(await page.locator('#problems h2').textContent()).toContain('handout');
  });

  it('shows an edit to the Markdown within 2 s, keeping the scroll position', async () => {
    await page.evaluate(() => window.scrollTo(0, 300));
    const before = await pageOne(page);
    const md = join(dir, 'content/handout.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Sex trafficking is a form of modern slavery', 'Sex trafficking, everywhere and always, is a form of modern slavery'));
    await within(2_000, 'page 1 changes after the edit', async () => (await pageOne(page)) !== before);
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
  });

  it('shows a located error over the last good pages, and the fix clears it', async () => {
    const md = join(dir, 'content/handout.md');
    const good = readFileSync(md, 'utf8');
    writeFileSync(md, good.replace('{{figure ilo.forced_labour}} people the ILO', '{{figure ilo.forced_labor}} people the ILO'));
    const shown = await within(10_000, 'the error is shown', () => page.evaluate(() => {
      const e = document.getElementById('errors')!;
      return !e.hidden && e.textContent;
    }));
    expect(shown).toMatch(/content\/handout\.md:\d+:\d+/);
    expect(shown).toContain('no figure "ilo.forced_labor"');
    expect(shown).toContain('did you mean "ilo.forced_labour"?');
    // The last good pages stay under it.
    expect(await page.locator('#pages canvas').count()).toBe(2);
    writeFileSync(md, good);
    await within(10_000, 'the error is cleared', () => page.evaluate(() => document.getElementById('errors')!.hidden));
    expect(await page.locator('#pages canvas').count()).toBe(2);
  });

  it('refuses every path outside its routes (never a file)', async () => {
    // A link from the output folder to a system file changes nothing: PDFs are served from memory.
    symlinkSync('/etc/passwd', join(dir, 'out', 'passwd.pdf'));
    const attempts = [
      '/../../etc/passwd', '/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E/%2E%2E/etc/passwd',
      '/..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/doc/..%2f..%2f..%2fetc%2fpasswd', '/doc/..\\..\\etc\\passwd',
      '/doc/%5c..%5c..%5cetc%5cpasswd', '//etc/passwd', '/etc/passwd', '/doc/passwd.pdf', '/doc/../../etc/passwd.pdf',
      '/pdfjs/../../../etc/passwd', '/pdfjs/..%2f..%2fpackage.json', '/pdfjs/%2e%2e/package.json', '/%00/etc/passwd',
      'http://127.0.0.1/etc/passwd', '/state/..', '/.%2e/.%2e/etc/passwd',
    ];
    for (const path of attempts) {
      const r = await rawGet(path);
      expect([400, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(r.body, path).not.toMatch(/root:|"name"/);
    }
    // Its own routes still answer.
    expect((await rawGet('/doc/handout.pdf')).body.startsWith('%PDF-')).toBe(true);
    expect((await rawGet('/pdfjs/pdf.min.mjs')).status).toBe(200);
  });
});
