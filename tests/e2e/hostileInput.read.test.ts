// Hostile and careless input against the shipped CLI (issue 12: reading, the cache, strict
// values). Each case copies the sample fixture into a fresh temp folder that also holds an
// `outside/` folder the project must never read or change, puts the previous build's PDFs in
// the output folder, plants one bad input and runs `bin/report.cjs build`. It must end by
// itself (killed after 60 s: the test fails), exit 2, print one located line naming the file
// (and line, where there is one) and no stack trace, leave the previous PDFs byte for byte,
// and leave everything outside the project as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CLI } from '../helpers/cliBundle.js';
import { pngImage } from '../helpers/pngImage.js';
import { SAMPLE_ROOT } from '../helpers/paths.js';

const KILL_AFTER_MS = 60_000;

interface Case {
  root: string;
  outside: string;
  out: string;
}

/** A project (content/, templates/) beside an `outside/` folder with a file a link may point to. */
function newCase(): Case {
  const base = mkdtempSync(join(tmpdir(), 'hostile-read-'));
  const root = join(base, 'project');
  cpSync(join(SAMPLE_ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(SAMPLE_ROOT, 'templates'), join(root, 'templates'), { recursive: true });
  const outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), 'SECRET-OUTSIDE-TEXT\n');
  writeFileSync(join(outside, 'x.md'), '---\ntitle: Elsewhere\ndate: 2026-11-30\nlanguage: en-GB\n---\nSECRET-OUTSIDE-TEXT\n');
  const out = join(root, 'out');
  mkdirSync(out);
  for (const [name, data] of previous) writeFileSync(join(out, name), data);
  return { root, outside, out };
}

/** Every file under a folder with its bytes (links as their targets, not followed). */
function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string, depth: number): void => {
    if (depth > 20) throw new Error(`${d}: too deep`);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) m.set(p, 'link');
      else if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile()) m.set(p, readFileSync(p).toString('base64'));
      else m.set(p, 'special');
    }
  };
  walk(dir, 0);
  return m;
}

function cli(c: Case, args: string[]) {
  const r = spawnSync(process.execPath, [SHIPPED_CLI, 'build', '--root', c.root, '--out', c.out, ...args], { encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
  // Killed by the timeout: the build did not end by itself.
  expect(r.signal, `build was still running after ${KILL_AFTER_MS / 1000} s`).toBeNull();
  return r;
}

const lineOf = (file: string, text: string): number => {
  const i = readFileSync(join(SAMPLE_ROOT, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${file} has no line with ${text}`);
  return i + 1;
};

/** The previous outputs: a clean build of the sample. */
let previous: [string, Buffer][] = [];

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'hostile-read-clean-'));
  cpSync(join(SAMPLE_ROOT, 'content'), join(base, 'content'), { recursive: true });
  cpSync(join(SAMPLE_ROOT, 'templates'), join(base, 'templates'), { recursive: true });
  const r = spawnSync(process.execPath, [SHIPPED_CLI, 'build', '--root', base, '--out', join(base, 'out'), '--no-cache'], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
  expect(r.status, r.stderr).toBe(0);
  previous = readdirSync(join(base, 'out')).sort().map((n) => [n, readFileSync(join(base, 'out', n))]);
  expect(previous.map(([n]) => n)).toEqual(['brief.pdf', 'handout.pdf']);
}, 150_000);

/**
 * Plants the bad input, builds, and checks the promises; `expected` matches the one error line.
 * `docs`: the documents to build (an include shared by both would be reported once per document).
 */
function refused(plant: (c: Case) => void, expected: RegExp, docs: string[] = []): void {
  const c = newCase();
  plant(c);
  const outsideBefore = snapshot(c.outside);
  const r = cli(c, [...docs, '--no-cache']);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect({ status: r.status, lines }).toEqual({ status: 2, lines: [expect.stringMatching(expected)] });
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal|report\.cjs:\d+/);
  expect(r.stdout + r.stderr).not.toContain('SECRET-OUTSIDE-TEXT');
  for (const [name, data] of previous) expect(readFileSync(join(c.out, name)).equals(data), `${name} is as it was`).toBe(true);
  expect(readdirSync(c.out).sort()).toEqual(previous.map(([n]) => n));
  expect(snapshot(c.outside)).toEqual(outsideBefore);
}

const mkfifo = (path: string) => {
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
};

describe('hostile input: reading', () => {
  const supportLine = lineOf('content/brief.md', '{{include partials/support.md}}');

  it('an include that links to a file outside content/ is refused at its include line, unread', () => {
    refused((c) => {
      rmSync(join(c.root, 'content/partials/support.md'));
      symlinkSync(join(c.outside, 'secret.md'), join(c.root, 'content/partials/support.md'));
    }, new RegExp(`^content/brief\\.md:${supportLine}: content/partials/support\\.md is a link to .*/outside/secret\\.md, which is outside content/ — `), ['brief']);
  }, 90_000);

  it('a document source in config.yaml outside content/ is refused at the line of its source key', () => {
    const line = lineOf('content/config.yaml', 'brief: { source: brief.md }');
    refused((c) => {
      const file = join(c.root, 'content/config.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('brief: { source: brief.md }', 'brief: { source: ../../outside/x.md }'));
    }, new RegExp(`^content/config\\.yaml:${line}:\\d+: documents\\.brief\\.source "\\.\\./\\.\\./outside/x\\.md" must be a path inside content/`));
  }, 90_000);

  it('a FIFO as an include does not block: refused at the include line', () => {
    refused((c) => mkfifo(join(c.root, 'content/partials/support.md')),
      new RegExp(`^content/brief\\.md:${supportLine}: content/partials/support\\.md is not a regular file: it is a named pipe \\(FIFO\\)`), ['brief']);
  }, 90_000);

  it('a FIFO as a data file, a chart spec or config.yaml does not block', () => {
    refused((c) => mkfifo(join(c.root, 'content/data/extra.csv')), /^content\/data\/extra\.csv: content\/data\/extra\.csv is not a regular file: it is a named pipe \(FIFO\) — /);
    refused((c) => mkfifo(join(c.root, 'content/charts/extra.vl.json')), /^content\/charts\/extra\.vl\.json: content\/charts\/extra\.vl\.json is not a regular file: it is a named pipe \(FIFO\) — /);
    refused((c) => mkfifo(join(c.root, 'content/config.yaml')), /^content\/config\.yaml: content\/config\.yaml is not a regular file: it is a named pipe \(FIFO\) — /);
  }, 180_000);

  it('a FIFO as a template or strings file, and a sidecar linking outside, are refused too', () => {
    refused((c) => mkfifo(join(c.root, 'templates/brief.yaml')), /^templates\/brief\.yaml: templates\/brief\.yaml is not a regular file: it is a named pipe \(FIFO\) — /, ['brief']);
    refused((c) => {
      mkdirSync(join(c.root, 'content/strings'));
      mkfifo(join(c.root, 'content/strings/fr.yaml'));
    }, /^content\/strings\/fr\.yaml: content\/strings\/fr\.yaml is not a regular file: it is a named pipe \(FIFO\) — /);
    refused((c) => {
      writeFileSync(join(c.outside, 'sidecar.yaml'), 'source: SECRET-OUTSIDE-TEXT\nyear: 2012\n');
      symlinkSync(join(c.outside, 'sidecar.yaml'), join(c.root, 'content/data/ilo.yaml'));
    }, /^content\/data\/ilo\.yaml: content\/data\/ilo\.yaml is a link to .*\/outside\/sidecar\.yaml, which is outside content\/ — /);
  }, 180_000);

  it('a data file that links to /dev/zero is refused without reading from it', () => {
    refused((c) => symlinkSync('/dev/zero', join(c.root, 'content/data/zero.csv')), /^content\/data\/zero\.csv: content\/data\/zero\.csv is a link to \/dev\/zero, which is outside content\/ — /);
  }, 90_000);

  it('a folder where a chart spec or an include is expected is a located error', () => {
    refused((c) => mkdirSync(join(c.root, 'content/charts/folder.vl.json')), /^content\/charts\/folder\.vl\.json: content\/charts\/folder\.vl\.json is a folder, not a chart spec — /);
    refused((c) => {
      rmSync(join(c.root, 'content/partials/support.md'));
      mkdirSync(join(c.root, 'content/partials/support.md'));
    }, new RegExp(`^content/brief\\.md:${supportLine}: content/partials/support\\.md is a folder, not a Markdown file — `), ['brief']);
  }, 180_000);
});

describe('hostile input: an image linking outside content/', () => {
  it('is not read: a located warning, its description shown, nothing outside touched', () => {
    const c = newCase();
    const line = lineOf('content/brief.md', '{{include partials/support.md}}');
    writeFileSync(join(c.outside, 'photo.png'), pngImage(8, 8));
    mkdirSync(join(c.root, 'content/images'));
    symlinkSync(join(c.outside, 'photo.png'), join(c.root, 'content/images/photo.png'));
    const brief = join(c.root, 'content/brief.md');
    const lines = readFileSync(brief, 'utf8').split('\n');
    lines.splice(line - 1, 0, '![A photograph kept outside](images/photo.png)', '');
    writeFileSync(brief, lines.join('\n'));
    const before = snapshot(c.outside);
    const r = cli(c, ['brief', '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^warning: content/brief\\.md:${line}: image content/images/photo\\.png is a link to .*/outside/photo\\.png, which is outside content/; its description is shown instead — `, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(c.outside)).toEqual(before);
  }, 90_000);
});

describe('hostile input: strict values', () => {
  const edit = (c: Case, file: string, from: string | RegExp, to: string) => {
    const path = join(c.root, file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(from, to);
    expect(next, `${file} should contain ${from}`).not.toBe(text);
    writeFileSync(path, next);
  };
  const dateLine = lineOf('content/brief.md', 'date: 2026-11-30');

  it('a date not on the calendar (2026-02-31, 0000-00-00) is refused at its line', () => {
    refused((c) => edit(c, 'content/brief.md', 'date: 2026-11-30', 'date: 2026-02-31'),
      new RegExp(`^content/brief\\.md:${dateLine}:\\d+: "date": 2026-02-31 is not a day of the calendar \\(that month has 28 days\\) — `));
    refused((c) => edit(c, 'content/brief.md', 'date: 2026-11-30', 'date: 0000-00-00'),
      new RegExp(`^content/brief\\.md:${dateLine}:\\d+: "date": 0000-00-00 is not on the calendar`));
  }, 180_000);

  it('a hexadecimal number in a data file is refused at its row', () => {
    const line = lineOf('content/data/ilo.csv', 'ilo.forced_labour,');
    refused((c) => edit(c, 'content/data/ilo.csv', /^(ilo\.forced_labour,[^,]*,)20900000,/m, '$10x10,'),
      new RegExp(`^content/data/ilo\\.csv:${line}: value "0x10" of ilo\\.forced_labour is not a plain number — `));
  }, 90_000);

  it('a derived figure that divides by zero is refused at its row (Infinity matched any value)', () => {
    const line = lineOf('content/data/ilo.csv', 'ilo.forced_labour - ilo.sexual_exploitation');
    refused((c) => edit(c, 'content/data/ilo.csv', 'ilo.forced_labour - ilo.sexual_exploitation', 'ilo.forced_labour / (ilo.sexual_exploitation - ilo.sexual_exploitation)'),
      new RegExp(`^content/data/ilo\\.csv:${line}: derived figure ilo\\.other_forced_labour: it divides by zero — `));
  }, 90_000);

  it('a control character in a title is refused at its line (it made the XMP invalid)', () => {
    const line = lineOf('content/brief.md', 'title: ');
    refused((c) => edit(c, 'content/brief.md', /^title: (.*)$/m, 'title: "$1\\u0007"'),
      new RegExp(`^content/brief\\.md:${line}:\\d+: "title" contains the control character U\\+0007 — `));
  }, 90_000);

  it('a YAML alias bomb in a template is refused at its first alias, at once', () => {
    refused((c) => {
      const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (const [n, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) rows.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      const file = join(c.root, 'templates/brief.yaml');
      writeFileSync(file, readFileSync(file, 'utf8') + rows.join('\n') + '\n');
      // The first alias is on the second added line (b:), after the template's own lines.
    }, new RegExp(`^templates/brief\\.yaml:${readFileSync(join(SAMPLE_ROOT, 'templates/brief.yaml'), 'utf8').trimEnd().split('\n').length + 2}:\\d+: YAML aliases \\(\\*name\\) here expand to too much`));
  }, 90_000);

  it('a JSON data row with an object or a list is refused at its row', () => {
    refused((c) => writeFileSync(join(c.root, 'content/data/nested.json'), '[\n  {"key": "nested.a", "label": "A", "value": {"n": 1}, "unit": "people", "year": "2012", "source": "S"}\n]\n'),
      /^content\/data\/nested\.json:2: nested\.a: value is an object; a cell must be a number, text, true, false or empty — /);
    refused((c) => {
      writeFileSync(join(c.root, 'content/data/nested.json'), '[\n  {"a": 1, "b": [1, 2]}\n]\n');
      writeFileSync(join(c.root, 'content/data/nested.yaml'), 'source: S\nyear: 2012\n');
    }, /^content\/data\/nested\.json:2: b: a cell must be a number, text, true, false or empty — /);
  }, 180_000);
});

describe('hostile input: the build cache', () => {
  const cacheBase = (c: Case) => join(c.root, '.cache/report-generator');
  const versionDir = (c: Case) => {
    const dirs = readdirSync(cacheBase(c));
    expect(dirs).toHaveLength(1);
    return join(cacheBase(c), dirs[0]);
  };
  const pdfs = (out: string) => previous.map(([n]) => readFileSync(join(out, n)));

  it('an entry with its key but an altered value is a miss: the build gives the clean build\'s bytes', () => {
    const c = newCase();
    rmSync(c.out, { recursive: true });
    expect(cli(c, []).status).toBe(0);
    const dir = versionDir(c);
    let altered = 0;
    for (const f of readdirSync(dir).filter((n) => n.startsWith('chart-'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const next = text.replace(/"fillText","[^"]+"/g, '"fillText","ALTERED"');
      if (next !== text) altered++;
      writeFileSync(join(dir, f), next);
    }
    expect(altered).toBeGreaterThan(0);
    const r = cli(c, []);
    expect(r.status, r.stderr).toBe(0);
    pdfs(c.out).forEach((data, i) => expect(data.equals(previous[i][1]), `${previous[i][0]} as a clean build`).toBe(true));
    // The altered entries were deleted and stored anew.
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('ALTERED');
  }, 120_000);

  it('a cache version folder that links outside is not used: nothing outside is written or deleted', () => {
    const c = newCase();
    rmSync(c.out, { recursive: true });
    expect(cli(c, []).status).toBe(0);
    const dir = versionDir(c);
    // Move the real folder outside and link to it; its entries and marker stay there.
    const moved = join(c.outside, 'cache-version');
    renameSync(dir, moved);
    symlinkSync(moved, dir);
    writeFileSync(join(moved, 'precious.txt'), 'keep me');
    const before = snapshot(c.outside);
    const r = cli(c, []);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*\.cache\/report-generator\/[^ ]+ is a symbolic link, so the build cache is not used — /m);
    pdfs(c.out).forEach((data, i) => expect(data.equals(previous[i][1]), `${previous[i][0]} as a clean build`).toBe(true));
    expect(snapshot(c.outside)).toEqual(before);
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    // The same for the cache folder itself, with another version's marked folder outside.
    rmSync(dir);
    renameSync(cacheBase(c), join(c.outside, 'base'));
    mkdirSync(join(c.outside, 'base/an-older-build'));
    writeFileSync(join(c.outside, 'base/an-older-build/.report-generator-cache'), '');
    symlinkSync(join(c.outside, 'base'), cacheBase(c));
    const before2 = snapshot(c.outside);
    const r2 = cli(c, []);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/is a symbolic link, so the build cache is not used/);
    expect(snapshot(c.outside)).toEqual(before2);
    expect(existsSync(moved)).toBe(true);
  }, 180_000);
});
