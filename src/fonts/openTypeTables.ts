// Direct reads of the two OpenType features simple scripts need: pair kerning (GPOS 'kern',
// PairPos formats 1 and 2, possibly inside Extension lookups) and standard ligatures (GSUB
// 'liga', LigatureSubst). Reading the tables costs microseconds a pair; asking fontkit to shape
// costs ~100 µs a call. Results match fontkit's shaping for these features (tested).
import type * as FontkitTypes from 'fontkit';

type Font = FontkitTypes.Font;
// fontkit decodes tables lazily into restructure arrays (with get()) or plain arrays.
// restructure's lazy arrays decode an element on every get(): keep each decoded element.
type Arr<T> = { length: number; get?: (i: number) => T } & ArrayLike<T>;
const decoded = new WeakMap<object, Map<number, unknown>>();
const at = <T>(a: Arr<T>, i: number): T => {
  if (!a.get) return a[i];
  let m = decoded.get(a);
  if (!m) decoded.set(a, (m = new Map()));
  let v = m.get(i) as T | undefined;
  if (v === undefined) {
    v = a.get(i);
    m.set(i, v);
  }
  return v;
};

interface Coverage { version: number; glyphs?: Arr<number>; rangeRecords?: Arr<{ start: number; end: number; startCoverageIndex: number }> }
interface ClassDef { version: number; startGlyph?: number; classValueArray?: Arr<number>; classRangeRecord?: Arr<{ start: number; end: number; class: number }> }
interface Value { xAdvance?: number }
interface PairSub {
  version: number;
  coverage: Coverage;
  pairSets?: Arr<Arr<{ secondGlyph: number; value1?: Value }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: Arr<Arr<{ value1?: Value }>>;
}
interface LigSub { coverage: Coverage; ligatureSets: Arr<Arr<{ glyph: number; components: Arr<number> }>> }
interface Lookup<S> { lookupType: number; subTables: Arr<S & { extension?: S; lookupType?: number }> }
interface LayoutTable<S> { featureList: Arr<{ tag: string; feature: { lookupListIndexes: Arr<number> } }>; lookupList: Arr<Lookup<S>> }

function coverageIndex(c: Coverage, glyph: number): number {
  if (c.version === 1 && c.glyphs) {
    // Glyph arrays are sorted: binary search.
    let lo = 0;
    let hi = c.glyphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at(c.glyphs, mid);
      if (g === glyph) return mid;
      if (g < glyph) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  if (c.version === 2 && c.rangeRecords) {
    for (let i = 0; i < c.rangeRecords.length; i++) {
      const r = at(c.rangeRecords, i);
      if (glyph >= r.start && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
    }
  }
  return -1;
}

function classOf(c: ClassDef | undefined, glyph: number): number {
  if (!c) return 0;
  if (c.version === 1 && c.classValueArray) {
    const i = glyph - (c.startGlyph ?? 0);
    return i >= 0 && i < c.classValueArray.length ? at(c.classValueArray, i) : 0;
  }
  if (c.version === 2 && c.classRangeRecord) {
    for (let i = 0; i < c.classRangeRecord.length; i++) {
      const r = at(c.classRangeRecord, i);
      if (glyph >= r.start && glyph <= r.end) return r.class;
    }
  }
  return 0;
}

/** The subtables of each lookup a feature uses, lookup by lookup (each lookup applies in turn). */
function featureSubtables<S>(table: LayoutTable<S> | undefined, tag: string, type: number): S[][] {
  if (!table) return [];
  const seen = new Set<number>();
  const out: S[][] = [];
  for (let i = 0; i < table.featureList.length; i++) {
    const f = at(table.featureList, i);
    if (f.tag !== tag) continue;
    for (let j = 0; j < f.feature.lookupListIndexes.length; j++) {
      const li = at(f.feature.lookupListIndexes, j);
      if (seen.has(li)) continue;
      seen.add(li);
      const lk = at(table.lookupList, li);
      const subs: S[] = [];
      for (let k = 0; k < lk.subTables.length; k++) {
        const st = at(lk.subTables, k);
        const sub = (lk.lookupType === 9 || st.extension ? st.extension : st) as S & { lookupType?: number };
        if (sub && (lk.lookupType === type || (lk.lookupType === 9 && st.lookupType === type))) subs.push(sub);
      }
      if (subs.length) out.push(subs);
    }
  }
  return out;
}

export interface OpenTypeFeatures {
  /** Kerning between two glyphs, in font units (added to the first glyph's advance). */
  kern(left: number, right: number): number;
  /** The ligature glyph id for a sequence of glyph ids, or null. */
  ligature(glyphs: number[]): number | null;
}

export function openTypeFeatures(font: Font): OpenTypeFeatures {
  const f = font as unknown as { GPOS?: LayoutTable<PairSub>; GSUB?: LayoutTable<LigSub> };
  const pairs = featureSubtables(f.GPOS, 'kern', 2);
  const ligs = featureSubtables(f.GSUB, 'liga', 4);
  return {
    kern(left, right) {
      let total = 0;
      for (const lookup of pairs) total += pairAdjustment(lookup, left, right);
      return total;
    },
    ligature(glyphs) {
      for (const st of ligs.flat()) {
        const ci = coverageIndex(st.coverage, glyphs[0]);
        if (ci < 0) continue;
        const set = at(st.ligatureSets, ci);
        for (let i = 0; i < set.length; i++) {
          const lig = at(set, i);
          if (lig.components.length !== glyphs.length - 1) continue;
          let ok = true;
          for (let k = 0; k < lig.components.length && ok; k++) ok = at(lig.components, k) === glyphs[k + 1];
          if (ok) return lig.glyph;
        }
      }
      return null;
    },
  };
}

/** Within one lookup, the first subtable that applies to the pair decides. */
function pairAdjustment(lookup: PairSub[], left: number, right: number): number {
  for (const st of lookup) {
    const ci = coverageIndex(st.coverage, left);
    if (ci < 0) continue;
    if (st.version === 1 && st.pairSets) {
      const set = at(st.pairSets, ci);
      for (let i = 0; i < set.length; i++) {
        const rec = at(set, i);
        if (rec.secondGlyph === right) return rec.value1?.xAdvance ?? 0;
      }
      continue; // format 1 applies only when the second glyph is listed
    }
    if (st.version === 2 && st.classRecords) {
      const c1 = classOf(st.classDef1, left);
      const c2 = classOf(st.classDef2, right);
      return at(at(st.classRecords, c1), c2)?.value1?.xAdvance ?? 0;
    }
  }
  return 0;
}
