// A folder on the way to an input file swapped for a link between the reader's realpath check
// and its open: O_NOFOLLOW guards only the last part of the path, so the open follows the link.
// The swap is made deterministic by doing it inside openSync, just before the real open.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInputText, swappedSinceCheck } from '../../../src/load/readInputFile.js';
import { thrownMessage } from '../../helpers/thrownMessage.js';

/** Runs around the next openSync of the reader: `before` ahead of the real open, `after` once it returned. */
const around: { before?: () => void; after?: () => void } = {};

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = (...args: Parameters<typeof real.openSync>) => {
    const { before, after } = around;
    around.before = around.after = undefined;
    before?.();
    try {
      return real.openSync(...args);
    } finally {
      after?.();
    }
  };
  return { ...real, default: { ...real, openSync }, openSync };
});

afterEach(() => {
  around.before = around.after = undefined;
});

/** content/sub/x.md inside the project, and a sub/x.md with other text outside it. */
function setup() {
  const root = fs.mkdtempSync(join(tmpdir(), 'read-swap-'));
  const outside = fs.mkdtempSync(join(tmpdir(), 'read-swap-outside-'));
  fs.mkdirSync(join(root, 'content/sub'), { recursive: true });
  fs.writeFileSync(join(root, 'content/sub/x.md'), 'inside');
  fs.mkdirSync(join(outside, 'sub'));
  fs.writeFileSync(join(outside, 'sub/x.md'), 'secret');
  const sub = join(root, 'content/sub');
  const swapIn = () => {
    fs.renameSync(sub, sub + '-kept');
    fs.symlinkSync(join(outside, 'sub'), sub);
  };
  const swapBack = () => {
    fs.unlinkSync(sub);
    fs.renameSync(sub + '-kept', sub);
  };
  return { root, outside, swapIn, swapBack };
}

describe('a folder swapped for a link between the check and the open', () => {
  it('reads the file when nothing is swapped', () => {
    const { root } = setup();
    expect(readInputText({ root, file: 'content/sub/x.md', kind: 'markdown' })).toBe('inside');
  });

  it('is refused with the link error when the link is still there after the open', () => {
    const { root, outside, swapIn } = setup();
    around.before = swapIn;
    const m = thrownMessage(() => readInputText({ root, file: 'content/sub/x.md', kind: 'markdown', place: { file: 'content/brief.md', line: 3 } }));
    expect(m).toBe(`content/brief.md:3: content/sub/x.md is a link to ${fs.realpathSync(join(outside, 'sub/x.md'))}, which is outside content/ — copy the file into content/ instead of linking to it`);
  });

  it('is refused when the link was swapped in for the open and out again', () => {
    const { root, swapIn, swapBack } = setup();
    around.before = swapIn;
    around.after = swapBack;
    expect(thrownMessage(() => readInputText({ root, file: 'content/sub/x.md', kind: 'markdown' })))
      .toBe('content/sub/x.md: content/sub/x.md was replaced by another file while it was being opened — build again, and check what else writes to content/');
  });
});

describe('swappedSinceCheck', () => {
  it('compares the open file with what the checked path leads to now', () => {
    const { root, outside } = setup();
    const real = fs.realpathSync(join(root, 'content/sub/x.md'));
    const other = fs.realpathSync(join(outside, 'sub/x.md'));
    expect(swappedSinceCheck(fs.statSync(real), real)).toBeUndefined();
    expect(swappedSinceCheck(fs.statSync(other), real)).toBe(real);
    expect(swappedSinceCheck(fs.statSync(real), join(root, 'content/sub/gone.md'))).toBe(join(root, 'content/sub/gone.md'));
  });
});
