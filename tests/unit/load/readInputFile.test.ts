// The one reader of user input: what it refuses, with which message, and that a special file
// can neither block it nor feed it without end.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, isInside, readInputFile, readInputText } from '../../../src/load/readInputFile.js';
import { thrownMessage } from '../../helpers/thrownMessage.js';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'read-input-'));
  mkdirSync(join(root, 'content/partials'), { recursive: true });
  writeFileSync(join(root, 'content/brief.md'), '\uFEFF# Brief\n');
  return root;
}

const message = thrownMessage;

describe('readInputFile', () => {
  it('reads a regular file inside its folder (text without the BOM)', () => {
    const root = project();
    expect(readInputText({ root, file: 'content/brief.md', kind: 'markdown' })).toBe('# Brief\n');
  });

  it('follows a link that stays inside the folder', () => {
    const root = project();
    symlinkSync('../brief.md', join(root, 'content/partials/same.md'));
    expect(readInputText({ root, file: 'content/partials/same.md', kind: 'markdown' })).toBe('# Brief\n');
  });

  it('refuses a link whose real path leaves the folder, at the place given', () => {
    const root = project();
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.md'), 'secret');
    symlinkSync(join(outside, 'secret.md'), join(root, 'content/partials/secret.md'));
    expect(message(() => readInputFile({ root, file: 'content/partials/secret.md', kind: 'markdown', place: { file: 'content/brief.md', line: 4 } })))
      .toMatch(/^content\/brief\.md:4: content\/partials\/secret\.md is a link to .*secret\.md, which is outside content\/ — copy the file into content\//);
    // A template may not reach into content/ either: each kind has its folder.
    mkdirSync(join(root, 'templates'));
    symlinkSync('../content/brief.md', join(root, 'templates/brief.yaml'));
    expect(message(() => readInputFile({ root, file: 'templates/brief.yaml', kind: 'template' }))).toMatch(/which is outside templates\//);
  });

  it('refuses a project folder that is a link out of the project', () => {
    const root = mkdtempSync(join(tmpdir(), 'read-input-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    writeFileSync(join(elsewhere, 'config.yaml'), 'x: 1');
    symlinkSync(elsewhere, join(root, 'content'));
    expect(message(() => readInputFile({ root, file: 'content/config.yaml', kind: 'config' }))).toMatch(/^content\/config\.yaml: content\/ is a link to .*elsewhere-.*, which is outside the project — make content\/ a real folder in the project$/);
  });

  it('refuses a link to /dev/zero without reading from it', () => {
    const root = project();
    symlinkSync('/dev/zero', join(root, 'content/zero.csv'));
    expect(message(() => readInputFile({ root, file: 'content/zero.csv', kind: 'data' }))).toMatch(/^content\/zero\.csv: content\/zero\.csv is a link to \/dev\/zero, which is outside content\//);
    // Inside the allowed area (here: all of /dev) it is still not a regular file.
    expect(message(() => readInputFile({ root: '/dev', file: 'zero', kind: 'data', area: '/dev' }))).toBe('zero: zero is not a regular file: it is a device — replace it with an ordinary data file');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const root = project();
    execFileSync('mkfifo', [join(root, 'content/pipe.md')]);
    expect(message(() => readInputFile({ root, file: 'content/pipe.md', kind: 'markdown' }))).toBe('content/pipe.md: content/pipe.md is not a regular file: it is a named pipe (FIFO) — replace it with an ordinary Markdown file');
  });

  it('refuses a folder, and says when a file does not exist', () => {
    const root = project();
    expect(message(() => readInputFile({ root, file: 'content/partials', kind: 'chart' }))).toBe('content/partials: content/partials is a folder, not a chart spec — name a file, or move the folder out of the way');
    expect(message(() => readInputFile({ root, file: 'content/nope.md', kind: 'markdown' }))).toBe('content/nope.md: content/nope.md does not exist — check the name of the Markdown file');
  });

  it('stops at the limit of its kind', () => {
    const root = project();
    writeFileSync(join(root, 'content/big.vl.json'), Buffer.alloc(INPUT_LIMITS.chart + 1, 32));
    expect(message(() => readInputFile({ root, file: 'content/big.vl.json', kind: 'chart' }))).toMatch(/^content\/big\.vl\.json: content\/big\.vl\.json is 513 KB; the limit is 512 KB — /);
    writeFileSync(join(root, 'content/fits.vl.json'), Buffer.alloc(INPUT_LIMITS.chart, 32));
    expect(readInputFile({ root, file: 'content/fits.vl.json', kind: 'chart' }).length).toBe(INPUT_LIMITS.chart);
  });

  it('stops at the limit while reading, whatever the size says', () => {
    // /proc files report size 0, as /dev/zero does, and have content: a check of stat().size
    // would let them through. This process's memory map is well over 64 KB.
    const area = '/proc/self';
    const whole = readInputFile({ root: area, file: 'smaps', kind: 'cache', area });
    expect(whole.length).toBeGreaterThan(INPUT_LIMITS.key);
    expect(message(() => readInputFile({ root: area, file: 'smaps', kind: 'key', area }))).toBe('smaps: smaps is larger than 64 KB, the limit for a private key — a file this large is almost certainly the wrong file; shorten or split it');
  });

  it('knows inside from outside by path segments, not by prefix', () => {
    expect(isInside('/p/content/a.md', '/p/content')).toBe(true);
    expect(isInside('/p/content', '/p/content')).toBe(true);
    expect(isInside('/p/content/..x.md', '/p/content')).toBe(true);
    expect(isInside('/p/content-other/a.md', '/p/content')).toBe(false);
    expect(isInside('/p/a.md', '/p/content')).toBe(false);
  });
});
