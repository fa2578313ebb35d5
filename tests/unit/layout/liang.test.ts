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

// The package's driver caches the words it hyphenates into the patterns' exception list, which
// liang.ts copies on first use: use it before the driver runs.
liangMarkers('hyphenation', enUsPatterns);
liangMarkers('hyphenation', enGbPatterns);
const pristine = { us: Object.keys(enUsPatterns[2] ?? {}), gb: Object.keys(enGbPatterns[2] ?? {}) };

describe('liangMarkers', () => {
  const words = corpus();

  it('has a real corpus to compare on', () => {
    expect(words.length).toBeGreaterThan(400);
  });

  it.each([
    ['en-us', enUsPatterns, enUs],
    ['en-gb', enGbPatterns, enGb],
  ] as const)('finds exactly the breaks of the hyphen package (%s)', (_, patterns, pkg) => {
    // Exception words excepted: the package's driver misplaces their breaks (see below).
    const exceptions = new Set([...pristine.us, ...pristine.gb]);
    const differ = words.filter((w) => !exceptions.has(w.toLowerCase()) && liangMarkers(w, patterns).join() !== reference(pkg.hyphenateSync, w).join());
    expect(differ).toEqual([]);
  });

  const split = (w: string, ps: readonly number[]) => {
    let s = w;
    for (const p of [...ps].reverse()) s = s.slice(0, p) + '-' + s.slice(p);
    return s;
  };

  it('uses the exception list', () => {
    expect(liangMarkers('project', enUsPatterns)).toEqual([]);
    // TeX's hyphen.tex lists "as-so-ciate", "reci-procity", "ta-ble".
    expect(split('associate', liangMarkers('associate', enUsPatterns))).toBe('as-so-ciate');
    expect(split('reciprocity', liangMarkers('reciprocity', enUsPatterns))).toBe('reci-procity');
    expect(split('table', liangMarkers('table', enUsPatterns))).toBe('ta-ble');
  });

  it('places the breaks of exception words where the package spells them, not where its driver puts them', () => {
    // The package stores "uni-ver-sity" as the hyphens' places in that spelling (3, 7); read as
    // places in "university" they gave "uni-vers-ity", "ma-nus-cript", "re-cip-rocity".
    expect(enGbPatterns[2]?.university).toEqual([3, 7]);
    expect(split('university', liangMarkers('University', enGbPatterns))).toBe('uni-ver-sity');
    expect(split('manuscript', liangMarkers('manuscript', enGbPatterns))).toBe('ma-nu-script');
    expect(split('reciprocity', liangMarkers('reciprocity', enGbPatterns))).toBe('re-ci-pro-city');
    // Every exception of every set comes out as its hyphenated spelling, letter for letter.
    for (const [patterns, list] of [[enUsPatterns, pristine.us], [enGbPatterns, pristine.gb]] as const) {
      expect(list.length).toBeGreaterThan(5);
      for (const word of list) {
        const marks = patterns[2]![word];
        let spelled = word;
        for (const m of marks) spelled = spelled.slice(0, m) + '-' + spelled.slice(m);
        expect(split(word, liangMarkers(word, patterns))).toBe(spelled);
      }
    }
  });

  it('breaks ordinary words where the TeX patterns do', () => {
    expect(liangMarkers('hyphenation', enUsPatterns)).toEqual([2, 6]);
  });
});
