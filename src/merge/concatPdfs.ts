// Joins tagged PDFs this program wrote into one (a recipient's letter, then the brief) without
// laying out or rendering the shared part again: its objects are copied as they are, and only
// what ties a document together is written anew: the catalog, the page tree, the structure
// tree root (each part's Document becomes a Part under one Document, its parent-tree keys
// moved past the others'), the outline (the parts' top-level entries chained in order) and the
// named destinations (a name a later part repeats is renamed in that part).
//
// Object numbers: the first part keeps its own, so a part that is the same for every recipient
// (rendered once, given first) is copied byte for byte; the others are numbered after it.
// `order` gives the reading order (the letter before the brief) independently of that.
import { createHash } from 'node:crypto';
import { mapValue, PdfName, PdfNumber, PdfRef, PdfString, writeValue, type ParsedPdf, type PdfDict, type PdfObject, type PdfValue } from './pdfObjects.js';

interface Part {
  pdf: ParsedPdf;
  /** Added to the part's object numbers (0 for the first part). */
  offset: number;
  /** Added to the part's parent-tree keys (StructParent(s)). */
  keyOffset: number;
  catalog: PdfDict;
  pagesRoot: number;
  pages: PdfRef[];
  structRoot: number;
  /** The part's top structure element(s) (pdfkit: one Document). */
  tops: PdfRef[];
  nums: [number, PdfValue][];
  outlines?: number;
  outlineFirst?: PdfRef;
  outlineLast?: PdfRef;
  names?: number;
  dests: [string, PdfString, PdfValue][];
  /** Destination names this part must use instead (collisions with earlier parts). */
  renamed: Map<string, string>;
}

export function concatPdfs(pdfs: readonly ParsedPdf[], order: readonly number[] = pdfs.map((_, i) => i)): Buffer {
  if (!pdfs.length) throw new Error('concatPdfs: no parts');
  if (order.length !== pdfs.length || new Set(order).size !== pdfs.length) throw new Error('concatPdfs: order must name each part once');
  const parts: Part[] = [];
  let offset = 0;
  let keyOffset = 0;
  for (const pdf of pdfs) {
    const p = describe(pdf, offset, keyOffset);
    parts.push(p);
    offset += pdf.size;
    keyOffset += p.nums.reduce((m, [k]) => Math.max(m, k + 1), 0);
  }
  let next = offset;
  const first = parts[0];
  const ids = {
    catalog: refOf(first.pdf.trailer.get('Root')).num,
    pages: first.pagesRoot,
    structRoot: first.structRoot,
    doc: next++,
    outlines: first.outlines ?? next++,
    names: first.names ?? next++,
  };
  const reading = order.map((i) => parts[i]);

  // Destination names: the first (in reading order) to use a name keeps it, except that the
  // first part's names never change (its objects are copied as they are).
  const taken = new Set(first.dests.map(([n]) => n));
  for (const p of reading) {
    if (p === first) continue;
    for (const [n] of p.dests) {
      let name = n;
      for (let k = 2; taken.has(name); k++) name = `${n}-${k}`;
      taken.add(name);
      if (name !== n) p.renamed.set(n, name);
    }
  }

  const remap = (p: Part) => (r: PdfRef): PdfRef => {
    if (r.num === p.pagesRoot) return new PdfRef(ids.pages, 0);
    if (r.num === p.structRoot) return new PdfRef(ids.doc, 0);
    if (r.num === p.outlines) return new PdfRef(ids.outlines, 0);
    return p.offset ? new PdfRef(r.num + p.offset, r.gen) : r;
  };
  // Per part, the objects written anew: everything a merged object replaces, the top structure
  // elements, and the outline entries that now link to another part's.
  const replaced = new Map<number, PdfValue | null>();
  const edits: Map<number, (d: PdfDict) => void>[] = parts.map(() => new Map());
  for (const [i, p] of parts.entries()) {
    for (const n of [refOf(p.pdf.trailer.get('Root')).num, p.pagesRoot, p.structRoot, p.outlines, p.names]) {
      if (n !== undefined) replaced.set(n + p.offset, null);
    }
    for (const t of p.tops) {
      edits[i].set(t.num, (d) => {
        if ((d.get('S') as PdfName | undefined)?.name === 'Document') d.set('S', new PdfName('Part'));
      });
    }
  }
  const withOutline = reading.filter((p) => p.outlineFirst && p.outlineLast);
  withOutline.forEach((p, j) => {
    const i = parts.indexOf(p);
    const prev = withOutline[j - 1];
    const after = withOutline[j + 1];
    if (prev) addEdit(edits[i], p.outlineFirst!.num, (d) => d.set('Prev', remap(prev)(prev.outlineLast!)));
    if (after) addEdit(edits[i], p.outlineLast!.num, (d) => d.set('Next', remap(after)(after.outlineFirst!)));
  });

  // The merged objects.
  const lead = reading[0];
  const catalog = mapValue(lead.catalog, remap(lead)) as PdfDict;
  catalog.set('Pages', new PdfRef(ids.pages, 0));
  catalog.set('StructTreeRoot', new PdfRef(ids.structRoot, 0));
  if (withOutline.length) {
    catalog.set('Outlines', new PdfRef(ids.outlines, 0));
    replaced.set(ids.outlines, new Map<string, PdfValue>([['First', remap(withOutline[0])(withOutline[0].outlineFirst!)], ['Last', remap(withOutline.at(-1)!)(withOutline.at(-1)!.outlineLast!)]]));
  } else catalog.delete('Outlines');
  const dests = reading.flatMap((p) => p.dests.map(([n, s, v]): [string, PdfString, PdfValue] => {
    const name = p.renamed.get(n);
    return [name ?? n, name ? PdfString.of(name) : s, mapValue(v, remap(p))];
  })).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (dests.length) {
    catalog.set('Names', new PdfRef(ids.names, 0));
    replaced.set(ids.names, new Map([['Dests', new Map([['Names', dests.flatMap(([, s, v]) => [s, v])]])]]));
  } else catalog.delete('Names');
  replaced.set(ids.catalog, catalog);
  const pages = reading.flatMap((p) => p.pages.map(remap(p)));
  replaced.set(ids.pages, new Map<string, PdfValue>([['Type', new PdfName('Pages')], ['Count', new PdfNumber(String(pages.length))], ['Kids', pages]]));
  const nums = parts.flatMap((p) => p.nums.map(([k, v]): [number, PdfValue] => [k + p.keyOffset, mapValue(v, remap(p))])).sort((a, b) => a[0] - b[0]);
  replaced.set(ids.structRoot, new Map<string, PdfValue>([
    ['Type', new PdfName('StructTreeRoot')],
    ['ParentTree', new Map([['Nums', nums.flatMap(([k, v]) => [new PdfNumber(String(k)), v])]])],
    ['ParentTreeNextKey', new PdfNumber(String(keyOffset))],
    ['K', [new PdfRef(ids.doc, 0)]],
  ]));
  const lang = lead.catalog.get('Lang');
  replaced.set(ids.doc, new Map<string, PdfValue>([
    ['S', new PdfName('Document')],
    ...(lang ? [['Lang', lang] as [string, PdfValue]] : []),
    ['P', new PdfRef(ids.structRoot, 0)],
    ['K', reading.flatMap((p) => p.tops.map(remap(p)))],
  ]));

  // Write: the parts' objects in order, then the new ones, then the xref table.
  const chunks: Buffer[] = [first.pdf.header];
  let pos = first.pdf.header.length;
  const offsets = new Array<number>(next).fill(-1);
  const emit = (num: number, b: Buffer) => {
    offsets[num] = pos;
    chunks.push(b);
    pos += b.length;
  };
  const written = (num: number, value: PdfValue, stream?: Buffer): Buffer => {
    const head = Buffer.from(`${num} 0 obj\n${writeValue(value)}\n`, 'latin1');
    return stream ? Buffer.concat([head, Buffer.from('stream\n'), stream, Buffer.from('\nendstream\nendobj\n')]) : Buffer.concat([head, Buffer.from('endobj\n')]);
  };
  for (const [i, p] of parts.entries()) {
    for (const o of p.pdf.objects.values()) {
      const num = o.num + p.offset;
      if (replaced.has(num)) continue;
      const edit = edits[i].get(o.num);
      if (!p.offset && !p.keyOffset && !edit && !p.renamed.size) {
        emit(num, o.raw);
        continue;
      }
      emit(num, written(num, rewrite(o, p, remap(p), edit), o.stream));
    }
  }
  for (const [num, v] of replaced) emit(num, written(num, v ?? null));
  for (let n = 1; n < next; n++) if (offsets[n] < 0) emit(n, written(n, null));
  const body = Buffer.concat(chunks);
  const id = createHash('sha256').update(body).digest('hex').slice(0, 32);
  const info = lead.pdf.trailer.get('Info');
  const trailer: PdfDict = new Map<string, PdfValue>([['Size', new PdfNumber(String(next))], ['Root', new PdfRef(ids.catalog, 0)]]);
  if (info instanceof PdfRef) trailer.set('Info', remap(lead)(info));
  trailer.set('ID', [new PdfString(`<${id}>`), new PdfString(`<${id}>`)]);
  let xref = `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let n = 1; n < next; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  return Buffer.concat([body, Buffer.from(`${xref}trailer\n${writeValue(trailer)}\nstartxref\n${body.length}\n%%EOF\n`, 'latin1')]);
}

function addEdit(m: Map<number, (d: PdfDict) => void>, num: number, f: (d: PdfDict) => void): void {
  const prev = m.get(num);
  m.set(num, prev ? (d) => (prev(d), f(d)) : f);
}

/** An object of part `p` with its references, parent-tree keys and destination names moved. */
function rewrite(o: PdfObject, p: Part, remap: (r: PdfRef) => PdfRef, edit?: (d: PdfDict) => void): PdfValue {
  const top = o.value instanceof Map ? new Map(o.value) : o.value;
  if (edit && top instanceof Map) edit(top);
  return mapValue(top, remap, (d) => {
    const sp = d.get('StructParents') ?? d.get('StructParent');
    const dest = d.get('D') ?? d.get('Dest');
    if (!(sp instanceof PdfNumber && p.keyOffset) && !(dest instanceof PdfString && p.renamed.has(dest.bytes()))) return d;
    const c = new Map(d);
    if (sp instanceof PdfNumber && p.keyOffset) c.set(d.has('StructParents') ? 'StructParents' : 'StructParent', new PdfNumber(String(sp.value + p.keyOffset)));
    if (dest instanceof PdfString && p.renamed.has(dest.bytes())) c.set(d.has('D') ? 'D' : 'Dest', PdfString.of(p.renamed.get(dest.bytes())!));
    return c;
  });
}

function describe(pdf: ParsedPdf, offset: number, keyOffset: number): Part {
  const get = (v: PdfValue | undefined): PdfValue | undefined => (v instanceof PdfRef ? pdf.objects.get(v.num)?.value : v);
  const dict = (v: PdfValue | undefined, what: string): PdfDict => {
    const d = get(v);
    if (!(d instanceof Map)) throw new Error(`concatPdfs: ${what} is not a dictionary`);
    return d;
  };
  const catalogRef = refOf(pdf.trailer.get('Root'));
  const catalog = dict(catalogRef, 'the catalog');
  const pagesRef = refOf(catalog.get('Pages'));
  const kids = dict(pagesRef, 'the page tree').get('Kids');
  if (!Array.isArray(kids) || !kids.every((k) => k instanceof PdfRef && (get(k) as PdfDict | undefined)?.get('Type') instanceof PdfName && ((get(k) as PdfDict).get('Type') as PdfName).name === 'Page')) {
    throw new Error('concatPdfs: only a flat page tree is supported');
  }
  const structRef = refOf(catalog.get('StructTreeRoot'));
  const structRoot = dict(structRef, 'the structure tree root');
  for (const k of ['RoleMap', 'ClassMap', 'IDTree']) if (structRoot.has(k)) throw new Error(`concatPdfs: structure trees with /${k} are not supported`);
  const k = get(structRoot.get('K'));
  const tops = (Array.isArray(k) ? k : [structRoot.get('K')]).filter((x): x is PdfRef => x instanceof PdfRef);
  const pt = dict(structRoot.get('ParentTree'), 'the parent tree');
  if (pt.has('Kids')) throw new Error('concatPdfs: only a flat parent tree is supported');
  const flat = get(pt.get('Nums'));
  const nums: [number, PdfValue][] = [];
  if (Array.isArray(flat)) for (let i = 0; i + 1 < flat.length; i += 2) nums.push([(flat[i] as PdfNumber).value, flat[i + 1]]);
  const outlinesRef = catalog.get('Outlines');
  const outlines = outlinesRef instanceof PdfRef ? dict(outlinesRef, 'the outline') : undefined;
  const namesRef = catalog.get('Names');
  const destsTree = namesRef ? get(dict(namesRef, 'the names dictionary').get('Dests')) : undefined;
  const dests: Part['dests'] = [];
  if (destsTree instanceof Map) {
    if (destsTree.has('Kids')) throw new Error('concatPdfs: only a flat destination name tree is supported');
    const arr = get(destsTree.get('Names'));
    if (Array.isArray(arr)) for (let i = 0; i + 1 < arr.length; i += 2) dests.push([(arr[i] as PdfString).bytes(), arr[i] as PdfString, arr[i + 1]]);
  }
  if (namesRef instanceof Map || (namesRef instanceof PdfRef && [...dict(namesRef, 'names').keys()].some((x) => x !== 'Dests'))) {
    throw new Error('concatPdfs: only named destinations are supported in /Names');
  }
  return {
    pdf,
    offset,
    keyOffset,
    catalog,
    pagesRoot: pagesRef.num,
    pages: kids as PdfRef[],
    structRoot: structRef.num,
    tops,
    nums,
    outlines: outlinesRef instanceof PdfRef ? outlinesRef.num : undefined,
    outlineFirst: outlines?.get('First') as PdfRef | undefined,
    outlineLast: outlines?.get('Last') as PdfRef | undefined,
    names: namesRef instanceof PdfRef ? namesRef.num : undefined,
    dests,
    renamed: new Map(),
  };
}

function refOf(v: PdfValue | undefined): PdfRef {
  if (!(v instanceof PdfRef)) throw new Error('concatPdfs: an indirect reference was expected');
  return v;
}
