// Hostile input against the shipped CLI (issue 12): bad pictures, fan-out includes, pathological
// Markdown, a failed publish, internal links, and watch surviving its folders being renamed.
// Each case copies the sample to a temporary folder, plants the bad input, runs bin/report.cjs
// as a new process (killed at 60 s: a hang fails the test, no speed is asserted) and checks the
// exit code, the one located line, no stack trace, and where the build fails, that the previous
// outputs are byte for byte as they were.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShippedCli, spawnShippedCli } from '../helpers/cliBundle.js';
import { corruptIdatPng, garbageSegmentsJpeg, hugeDeclaredPng, negativeLengthPng, plainPng, pngBomb, strayFrameJpeg, truncatedJpeg } from '../helpers/hostileImages.js';
import { scratchProject } from '../helpers/project.js';

const KILL_AFTER_MS = 60_000;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function build(dir: string, ...args: string[]) {
  const r = runShippedCli(['build', ...args, '--root', dir], { timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
  expect(r.signal, `killed after ${KILL_AFTER_MS / 1000} s: ${r.stderr}`).toBeNull();
  expect(r.stderr).not.toMatch(/^\s+at |Error:|RangeError/m);
  return r;
}

/** Every file of the project outside output/ and .cache/, with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !/^(output|\.cache)(\/|$)/.test(f))
    .map((f) => {
      const st = statSync(join(dir, f));
      return `${f} ${st.size} ${st.mtimeMs}`;
    })
    .sort();
}

/** Lines of `text` that name a place in content/ (errors and warnings). */
const located = (text: string) => text.split('\n').filter((l) => /^(warning: )?content\/[^:]+:\d+/.test(l));

/** Inserts `lines` into brief.md before its second heading; returns the line number of each. */
function plant(dir: string, lines: string[]): number[] {
  const md = join(dir, 'content/brief.md');
  const text = readFileSync(md, 'utf8');
  const anchor = '# Cambodia\'s situation and why';
  const at = text.slice(0, text.indexOf(anchor)).split('\n').length;
  writeFileSync(md, text.replace(anchor, lines.map((l) => `${l}\n\n`).join('') + anchor));
  return lines.map((_, i) => at + 2 * i);
}

function qpdfCheck(pdf: string): void {
  // qpdf exits 0 when the file is sound, 3 with warnings, 2 with errors: only 0 is accepted.
  execFileSync('qpdf', ['--check', pdf], { stdio: 'pipe' });
}

describe('hostile images', () => {
  it('every bad picture is a located warning with its description shown; the PDF passes qpdf --check', () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'content/images'), { recursive: true });
    const files: Record<string, Buffer> = {
      'negative.png': negativeLengthPng(),
      'huge.png': hugeDeclaredPng(),
      'bomb.png': pngBomb(),
      'idat.png': corruptIdatPng(),
      'cut.jpg': truncatedJpeg(),
      'stray.jpg': strayFrameJpeg(),
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'content/images', name), data);
    writeFileSync(join(dir, 'content/images/garbage.jpg'), garbageSegmentsJpeg());
    writeFileSync(join(dir, 'content/images/my photo é.png'), plainPng(40, 30));
    const bad = Object.keys(files);
    const lines = plant(dir, [...bad.map((n) => `![Picture ${n} described](images/${n})`), '![Garbage segments described](images/garbage.jpg)', '![A photo with an accent](<images/my photo é.png>)']);
    const r = build(dir, 'brief');
    expect(r.status, r.stderr).toBe(0);
    const warnings = located(r.stderr).filter((l) => l.includes('image'));
    expect(warnings).toHaveLength(bad.length);
    const expected: Record<string, RegExp> = {
      'negative.png': /claims 4294967295 bytes, more than the file holds/,
      'huge.png': /is 60000×60000 pixels; the limit is 10000 a side/,
      'bomb.png': /inflates to more than the 1001000 bytes/,
      'idat.png': /cannot be inflated/,
      'cut.jpg': /cut short/,
      'stray.jpg': /two frame headers \(SOF\)/,
    };
    bad.forEach((n, i) => {
      const w = warnings.find((l) => l.includes(`content/images/${n}`));
      expect(w, warnings.join('\n')).toMatch(new RegExp(`^warning: content/brief\\.md:${lines[i]}: image content/images/${n.replace('.', '\\.')}`));
      expect(w).toMatch(expected[n]);
      expect(w).toMatch(/its description is shown instead/);
    });
    const pdf = join(dir, 'output/brief.pdf');
    // pdfkit alone embeds the truncated and the stray-frame JPEGs as they are, and qpdf (libjpeg)
    // then warns "invalid jpeg data" and "two SOF markers".
    qpdfCheck(pdf);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const n of bad) expect(text).toContain(`Picture ${n} described`);
    // The garbage JPEG (cleaned) and the accented file name are placed: the sample itself has no
    // image XObjects, so two or more are theirs.
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    expect(qdf.match(/\/Subtype \/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(qdf).not.toContain('garbage between segments');
  }, KILL_AFTER_MS * 2);
});

describe('hostile Markdown', () => {
  /** The sample built once, then `mutate`d and built again: the second build must fail with `message`, outputs unchanged. */
  function failsKeepingOutputs(mutate: (dir: string) => void, message: RegExp) {
    const dir = scratchProject();
    expect(build(dir).status).toBe(0);
    const outputs = readdirSync(join(dir, 'output')).filter((f) => f.endsWith('.pdf'));
    const before = outputs.map((f) => sha(join(dir, 'output', f)));
    mutate(dir);
    const project = snapshot(dir);
    const r = build(dir);
    expect(r.status, r.stderr).toBe(2);
    // Nothing outside output/ (and the build cache) was written or removed either.
    expect(snapshot(dir)).toEqual(project);
    const lines = r.stderr.split('\n').filter((l) => /^content\//.test(l));
    expect(lines, r.stderr).toHaveLength(1);
    expect(r.stderr).not.toContain('--debug');
    expect(lines[0]).toMatch(message);
    expect(outputs.map((f) => sha(join(dir, 'output', f)))).toEqual(before);
  }

  it('includes fanning out to 8,000 copies of a 500 KB partial stop at 2 MB, at the include line', () => {
    failsKeepingOutputs((dir) => {
      writeFileSync(join(dir, 'content/partials/mb.md'), ('word '.repeat(200) + '\n\n').repeat(500));
      for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'mb']]) writeFileSync(join(dir, `content/partials/${from}.md`), `{{include partials/${to}.md}}\n`.repeat(20));
      plant(dir, ['{{include partials/a.md}}']);
    }, /^content\/brief\.md:\d+: with its includes the text is over 2 MB/);
  }, KILL_AFTER_MS * 2);

  // Counts kept under the 2 MB Markdown limit and the 256 KB paragraph limit (hostileInput.size).
  it('15,000 footnotes are refused at the line past the limit', () => {
    failsKeepingOutputs((dir) => {
      const n = 15_000;
      plant(dir, [Array.from({ length: n }, (_, i) => `Text[^h${i}].`).join(' '), Array.from({ length: n }, (_, i) => `[^h${i}]: Note ${i}.`).join('\n')]);
    }, /^content\/brief\.md:\d+: more than 1000 footnotes/);
  }, KILL_AFTER_MS * 2);

  it('20,000 link reference definitions are refused at the line past the limit', () => {
    failsKeepingOutputs((dir) => {
      plant(dir, [Array.from({ length: 20_000 }, (_, i) => `[r${i}]: https://example.org/${i}`).join('\n')]);
    }, /^content\/brief\.md:\d+: more than 5000 link reference definitions/);
  }, KILL_AFTER_MS * 2);

  for (const [what, body] of [
    ['a 250 KB word', 'a'.repeat(250 << 10)],
    ['100,000 nested brackets', '['.repeat(100_000) + 'x' + ']'.repeat(100_000)],
    ['pathological backticks', Array.from({ length: 8_000 }, (_, i) => '`'.repeat((i % 50) + 1) + ' x').join(' ')],
  ] as const) {
    it(`${what} builds, and the PDF passes qpdf --check`, () => {
      const dir = scratchProject();
      plant(dir, [body]);
      const r = build(dir, 'brief');
      expect(r.status, r.stderr).toBe(0);
      qpdfCheck(join(dir, 'output/brief.pdf'));
    }, KILL_AFTER_MS * 2);
  }
});

describe('all-or-nothing output', () => {
  it('when the second PDF cannot be renamed into place, the first stays byte-identical', () => {
    const dir = scratchProject();
    expect(build(dir).status).toBe(0);
    const brief = join(dir, 'output/brief.pdf');
    const before = sha(brief);
    // An edit that changes the brief, and a folder where the handout's PDF goes.
    const md = join(dir, 'content/brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Human trafficking is a form of modern slavery.', 'Human trafficking is a form of contemporary slavery.'));
    const handout = join(dir, 'output/handout.pdf');
    renameSync(handout, join(dir, 'handout-away.pdf'));
    mkdirSync(handout);
    writeFileSync(join(handout, 'in-the-way'), 'x');
    const r = build(dir);
    expect(r.status).toBe(1);
    // Not bad input but a folder in the way: exit 1, one line saying what and that nothing was replaced.
    expect(r.stderr.split('\n')[0]).toMatch(/^report: build failed: cannot write .*output\/handout\.pdf: a folder has its name; no output was replaced$/);
    expect(sha(brief)).toBe(before);
    expect(readdirSync(join(dir, 'output')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, KILL_AFTER_MS * 3);
});

describe('internal links', () => {
  it('[x](#heading) is a GoTo to the heading; an unknown anchor is a located warning', () => {
    const dir = scratchProject();
    const [line] = plant(dir, ['See [why Cambodia](#why-cambodia) and [nowhere](#no-such-heading).']);
    const r = build(dir, 'brief');
    expect(r.status, r.stderr).toBe(0);
    expect(located(r.stderr)).toEqual([`warning: content/brief.md:${line}: link target "#no-such-heading" names no heading of this document; the link was dropped — link to a heading by its id: its text in lower case, with hyphens for spaces, e.g. #the-history-that-shaped-it`]);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'output/brief.pdf'), '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    // The link annotation's action: a GoTo to the heading's named destination, never a URI.
    expect(qdf).toMatch(/\/D \(why-cambodia\)\s*\/S \/GoTo/);
    expect(qdf).not.toMatch(/\/URI \(#/);
    // The destination is in the name tree: the heading's page, at its position.
    expect(qdf).toMatch(/\(why-cambodia\)\s*\[\s*\d+ 0 R\s*\/XYZ/);
  }, KILL_AFTER_MS);
});

describe('watch survives its folders being renamed', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('content/ renamed away and back, templates/ deleted and made again, then edits: rebuilds happen', async () => {
    const dir = scratchProject();
    const child = spawnShippedCli(['watch', 'brief', '--root', dir]);
    stop = () => child.kill('SIGKILL');
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    /** Waits (at most 30 s, checking every 100 ms) until `out` has `n` lines matching `re`. */
    const waitFor = async (re: RegExp, n: number) => {
      for (let i = 0; i < 300; i++) {
        if ((out.match(new RegExp(re, 'gm')) ?? []).length >= n) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${re} #${n} within 30 s:\n${out}`);
    };
    await waitFor(/^✓ initial build/, 1);
    renameSync(join(dir, 'content'), join(dir, 'content-away'));
    await new Promise((r) => setTimeout(r, 1500));
    renameSync(join(dir, 'content-away'), join(dir, 'content'));
    await new Promise((r) => setTimeout(r, 1500));
    const md = join(dir, 'content/brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Human trafficking is a form of modern slavery.', 'Human trafficking is a form of contemporary slavery.'));
    await waitFor(/^✓ content\/brief\.md/, 1);
    const text = execFileSync('pdftotext', [join(dir, 'output/brief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('form of contemporary slavery');
    // templates/ deleted and made again (a checkout of another branch), then a template edited.
    const templates = join(dir, 'templates');
    cpSync(templates, join(dir, 'templates-copy'), { recursive: true });
    rmSync(templates, { recursive: true });
    await new Promise((r) => setTimeout(r, 1500));
    cpSync(join(dir, 'templates-copy'), templates, { recursive: true });
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(join(templates, 'brief.yaml'), readFileSync(join(templates, 'brief.yaml'), 'utf8') + '\n# edited\n');
    await waitFor(/^✓ templates\/brief\.yaml/, 1);
  }, KILL_AFTER_MS);
});
