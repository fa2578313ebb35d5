import type { Template } from '../load/templateTypes.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { FlowContext } from './flowBlocks.js';
import { StructureBuilder } from './structure.js';

/**
 * The shared flow state for one document: structure tree, notes, paragraph counter.
 * `frameHeight`: the tallest frame the document's flow goes into (figures are scaled to fit it).
 */
export function documentContext(doc: ResolvedDocument, template: Template, width: number, scale = 1, frameHeight?: number): FlowContext {
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
    frameHeight,
  };
}
