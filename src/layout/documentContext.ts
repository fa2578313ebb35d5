import type { Template } from '../load/templateTypes.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { FlowContext } from './flowBlocks.js';
import { StructureBuilder } from './structure.js';

/** The shared flow state for one document: structure tree, notes, paragraph counter. */
export function documentContext(doc: ResolvedDocument, template: Template, width: number, scale = 1): FlowContext {
  return {
    template,
    width,
    lang: doc.meta.language,
    sb: new StructureBuilder(doc.meta.language),
    notesByNumber: new Map(doc.notes.map((n) => [n.number, n])),
    laidNotes: new Map(),
    counter: { para: 0 },
    scale,
    strings: doc.strings,
  };
}
