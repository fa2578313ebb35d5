// Brand fonts: a real open font (Source Sans 3 Light, SIL OFL, in tests/fixtures/brand) is
// taken for a role; copies whose OS/2 fsType says the licence forbids embedding, forbids
// subsetting or allows bitmaps only are refused with the config line that names them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorList } from '../../../src/errors.js';
import { fontId, getFont, measureText, runWithFontScope, setFontSet, type FontScope } from '../../../src/fonts/fontRegistry.js';
import { loadBrandFonts } from '../../../src/load/brandFonts.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { withFsType } from '../../helpers/fontBytes.js';

const FONT = readFileSync(join(REPO_ROOT, 'tests/fixtures/brand/content/fonts/SourceSans3_300Light.ttf'));
const PLACE = { file: 'content/config.yaml', line: 9, col: 10 };

/** Loads `data` as the serif role from a scratch project; the errors' messages. */
function load(data: Buffer) {
  const root = mkdtempSync(join(tmpdir(), 'brand-font-'));
  mkdirSync(join(root, 'content/fonts'), { recursive: true });
  writeFileSync(join(root, 'content/fonts/Brand.ttf'), data);
  const errors = new ErrorList();
  const set = loadBrandFonts(root, [{ key: 'serif', file: 'content/fonts/Brand.ttf', place: PLACE }], errors);
  return { set, errors: errors.errors.map((e) => e.message) };
}

describe('brand fonts', () => {
  it('takes an open font for a role; measuring in a scope with it uses it, outside the built-in font', () => {
    const { set, errors } = load(FONT);
    expect(errors).toEqual([]);
    expect(set?.fonts.serif?.file).toBe('content/fonts/Brand.ttf');
    const builtIn = measureText('serif', 'Rain gauge readers', 10);
    const scope: FontScope = {};
    const inScope = runWithFontScope(scope, () => {
      setFontSet(set);
      return { width: measureText('serif', 'Rain gauge readers', 10), id: fontId('serif'), name: getFont('serif').font.postscriptName };
    });
    expect(inScope.name).toBe('SourceSans3-Light');
    expect(inScope.id).toMatch(/^serif@[0-9a-f]{16}$/);
    // A light sans is narrower than the serif: the width is the brand font's, not a cached one.
    expect(inScope.width).toBeLessThan(builtIn);
    expect(getFont('serif').font.postscriptName).toBe('SourceSerif4-Regular');
    expect(fontId('serif')).toBe('serif');
  });

  it('accepts a font its licence lets be embedded for print and preview (fsType 0x0004)', () => {
    expect(load(withFsType(FONT, 0x0004)).errors).toEqual([]);
  });

  it.each([
    [0x0002, 'the font\'s licence forbids embedding it in documents (OS/2 fsType 0x0002, restricted licence)'],
    [0x0100, 'the font\'s licence forbids subsetting it, and every PDF embeds a subset (OS/2 fsType 0x0100)'],
    [0x0208, 'the font\'s licence allows embedding its bitmaps only, and PDFs embed outlines (OS/2 fsType 0x0208)'],
  ])('refuses fsType %s with the line that names the font', (fsType, problem) => {
    const { set, errors } = load(withFsType(FONT, fsType));
    expect(set).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^content/config\\.yaml:9:10: fonts\\.serif: content/fonts/Brand\\.ttf: ${problem.replace(/[()]/g, '\\$&')} — use a font whose licence allows`));
  });

  it('refuses what is not a single TrueType or OpenType font', () => {
    expect(load(Buffer.from('wOF2 not really a font')).errors[0]).toContain('is not a TrueType or OpenType font');
    expect(load(FONT.subarray(0, 2000)).errors[0]).toContain('is not a TrueType or OpenType font');
  });
});
