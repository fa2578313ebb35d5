// All-or-nothing output: when a later output cannot be published, the outputs already renamed
// get their previous files back, byte for byte, and no temporary or backup file is left.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriteError, writeAllAtomic } from '../../../src/build/writeAtomic.js';

describe('writeAllAtomic', () => {
  it('replaces every output when all can be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileSync(join(dir, 'a.pdf'), 'old a');
    writeAllAtomic([{ path: join(dir, 'a.pdf'), data: Buffer.from('new a') }, { path: join(dir, 'html/b.html'), data: Buffer.from('new b') }]);
    expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'html/b.html'), 'utf8')).toBe('new b');
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'html']);
  });

  it('rolls the first output back when the second cannot be renamed (a folder has its name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileSync(join(dir, 'a.pdf'), 'previous a');
    mkdirSync(join(dir, 'b.pdf'));
    writeFileSync(join(dir, 'b.pdf/keep'), 'x');
    const a = join(dir, 'a.pdf');
    const c = join(dir, 'c.pdf');
    expect(() => writeAllAtomic([{ path: a, data: Buffer.from('new a') }, { path: c, data: Buffer.from('new c') }, { path: join(dir, 'b.pdf'), data: Buffer.from('new b') }])).toThrow(OutputWriteError);
    expect(readFileSync(a, 'utf8')).toBe('previous a');
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'b.pdf']);
  });
});
