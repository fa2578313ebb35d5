// liang.ts walks the `hyphen` package's pattern data itself; the package's own driver is the
// reference it must agree with, break for break.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import enGbPatterns from 'hyphen/patterns/en-gb.js';
import enUsPatterns from 'hyphen/patterns/en-us.js';
import enGb from 'hyphen/en-gb/index.js';
import enUs from 'hyphen/en-us/index.js';
import { liangMarkers } from '../../../src/layout/liang.js';

function reference(hyphenateSync: (t: string, o?: { hyphenChar?: string; minWordLength?: number }) => string, word: string): number[] {
  const marked = hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: 5 });
  const out: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === '\u00ad') out.push(offset);
    else offset += ch.length;
  }
  return out;
}

function corpus(): string[] {
  let text = '';
  for (const dir of ['content', 'content/partials', '../shared/seed']) {
    try {
      for (const f of readdirSync(dir)) if (f.endsWith('.md')) text += readFileSync(join(dir, f), 'utf8');
    } catch {
      // the seed is not part of a clone; the content is
    }
  }
  const words = new Set(text.match(/[\p{L}\p{M}]{5,}/gu) ?? []);
  // Exception words of the pattern sets, capitals, accents, and a length past any pattern.
  for (const w of ['associate', 'present', 'project', 'reciprocity', 'Hyphenation', 'naïveté', 'Phnom', 'Sihanoukville', 'antidisestablishmentarianism', 'supercalifragilisticexpialidocious', 'organisation', 'constructor'])
    words.add(w);
  return [...words];
}

describe('liangMarkers', () => {
  const words = corpus();

  it('has a real corpus to compare on', () => {
    expect(words.length).toBeGreaterThan(400);
  });

  it.each([
    ['en-us', enUsPatterns, enUs],
    ['en-gb', enGbPatterns, enGb],
  ] as const)('finds exactly the breaks of the hyphen package (%s)', (_, patterns, pkg) => {
    const differ = words.filter((w) => liangMarkers(w, patterns).join() !== reference(pkg.hyphenateSync, w).join());
    expect(differ).toEqual([]);
  });

  it('uses the exception list', () => {
    expect(liangMarkers('project', enUsPatterns)).toEqual([]);
    expect(liangMarkers('associate', enUsPatterns)).toEqual([2, 5]);
  });

  it('breaks ordinary words where the TeX patterns do', () => {
    expect(liangMarkers('hyphenation', enUsPatterns)).toEqual([2, 6]);
  });
});
