// The fontkit private members src/fonts/fontkitInternals.ts relies on. An upgrade of fontkit
// that renames or changes one of them fails here, by name, rather than somewhere in a PDF.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { decodedTables, FONTKIT_CHECKED, fontBytes, forgetGlyphObjects, keepCodePoints, layoutWithSwitches } from '../../src/fonts/fontkitInternals.js';
import { fontPath } from '../../src/fonts/fontRegistry.js';

// fontkit's exports hide its package.json: find it beside the module the resolver gives.
const version = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.resolve('fontkit'))); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'fontkit') return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
})();
const fresh = (key: 'serif' | 'khmer') => {
  const data = readFileSync(fontPath(key));
  return { data, font: fontkit.create(data) as fontkit.Font };
};

describe('fontkit internals', () => {
  it(`are those of the fontkit version they were checked against (${FONTKIT_CHECKED}.x)`, () => {
    expect(version.startsWith(FONTKIT_CHECKED + '.'), `fontkit ${version} is installed: check src/fonts/fontkitInternals.ts against it, then update FONTKIT_CHECKED`).toBe(true);
  });

  it('stream.buffer holds the font file', () => {
    const { data, font } = fresh('serif');
    expect(Buffer.from(fontBytes(font)).equals(data)).toBe(true);
  });

  it('_tables holds the decoded tables', () => {
    const { font } = fresh('serif');
    const head = (font as unknown as { head: unknown }).head;
    const tables = decodedTables(font) as Record<string, unknown>;
    expect(tables).toBeTypeOf('object');
    expect(tables.head).toBe(head);
  });

  it('_glyphs keeps one Glyph per id, with the code points of the first request, until forgotten', () => {
    const { font } = fresh('serif');
    // The id from another instance, so this one has made no Glyph for it yet.
    const id = fresh('serif').font.glyphForCodePoint(0x41).id;
    const first = font.getGlyph(id);
    expect(font.getGlyph(id, [0x41])).toBe(first);
    expect(first.codePoints).toEqual([]);
    forgetGlyphObjects(font);
    expect(font.getGlyph(id, [0x41])).not.toBe(first);
  });

  it('getGlyph can be wrapped so a later request fills in missing code points', () => {
    const { font } = fresh('serif');
    keepCodePoints(font);
    const id = fresh('serif').font.glyphForCodePoint(0x42).id;
    const g = font.getGlyph(id);
    expect(g.codePoints).toEqual([]);
    font.getGlyph(id, [0x42]);
    expect(g.codePoints).toEqual([0x42]);
  });

  it('layout takes features as on/off switches, and shapes Khmer without mark positioning', () => {
    const { font } = fresh('khmer');
    const run = layoutWithSwitches(font, 'ភ្នំពេញ', { abvm: false, blwm: false, mark: false, mkmk: false });
    expect(run.glyphs.length).toBeGreaterThan(2);
    expect(run.glyphs.every((g) => g.id !== 0)).toBe(true);
  });
});
