// Reading the print shop's profile (what a PDF/X output intent needs) and images' colour models.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readIccProfile } from '../../../src/print/iccProfile.js';
import { imageColorModel } from '../../../src/print/imageColorModel.js';
import { cmykIccProfile } from '../../helpers/cmykIccProfile.js';

describe('readIccProfile', () => {
  it('reads the description and version of a CMYK output profile', () => {
    expect(readIccProfile(cmykIccProfile('Coated test (FOGRA-like)'))).toEqual({ description: 'Coated test (FOGRA-like)', version: '2.1' });
  });

  it('refuses what cannot be a CMYK output intent, saying why', () => {
    const p = cmykIccProfile();
    const edit = (at: number, s: string) => {
      const b = Buffer.from(p);
      b.write(s, at, 'latin1');
      return b;
    };
    expect(readIccProfile(edit(16, 'RGB '))).toEqual({ problem: 'describes RGB colour, not CMYK; ask the print shop for their CMYK output profile' });
    expect(readIccProfile(edit(12, 'mntr'))).toEqual({ problem: 'is a "mntr" profile, not an output (printer) profile' });
    expect(readIccProfile(edit(36, 'xxxx'))).toEqual({ problem: 'is not an ICC profile (no "acsp" signature)' });
    expect(readIccProfile(p.subarray(0, 500))).toEqual({ problem: `is damaged: its header says ${p.length} bytes, the file has 500` });
    expect(readIccProfile(Buffer.from('hello'))).toEqual({ problem: 'is too short to be an ICC profile' });
  });
});

describe('imageColorModel', () => {
  const png = (type: number) => {
    const b = Buffer.alloc(40);
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]).copy(b);
    b[25] = type;
    return b;
  };
  const jpeg = (components: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, components, 1, 0x11, 0, 0, 0]);
  it('reads PNG colour types and JPEG component counts', () => {
    expect([0, 2, 3, 4, 6].map((t) => imageColorModel(png(t)))).toEqual(['gray', 'rgb', 'rgb', 'gray', 'rgb']);
    expect([1, 3, 4].map((n) => imageColorModel(jpeg(n)))).toEqual(['gray', 'rgb', 'cmyk']);
    expect(imageColorModel(deflateSync('not an image'))).toBe('unknown');
  });
});
