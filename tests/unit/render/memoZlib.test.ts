// The zlib the CLI bundle gives pdfkit remembers deflateSync results; it must stay a pure
// stand-in for the real thing.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

const memoZlib = createRequire(import.meta.url)('../../../src/render/memoZlib.cjs') as typeof zlib;

describe('memoZlib', () => {
  it('compresses exactly as zlib does, the first time and from memory', () => {
    const data = Buffer.from('BT /F1 10 Tf (stream content) Tj ET\n'.repeat(500), 'latin1');
    const first = memoZlib.deflateSync(data);
    const again = memoZlib.deflateSync(Buffer.from(data));
    expect(first.equals(zlib.deflateSync(data))).toBe(true);
    expect(again.equals(first)).toBe(true);
    expect(zlib.inflateSync(again).equals(data)).toBe(true);
  });

  it('hands out copies, so a caller changing one cannot change the next', () => {
    const data = Buffer.from('x'.repeat(1000));
    const a = memoZlib.deflateSync(data);
    a.fill(0);
    expect(memoZlib.deflateSync(data).equals(zlib.deflateSync(data))).toBe(true);
  });

  it('leaves calls with options and the rest of zlib alone', () => {
    const data = Buffer.from('y'.repeat(1000));
    expect(memoZlib.deflateSync(data, { level: 1 }).equals(zlib.deflateSync(data, { level: 1 }))).toBe(true);
    expect(memoZlib.inflateSync).toBe(zlib.inflateSync);
  });
});
