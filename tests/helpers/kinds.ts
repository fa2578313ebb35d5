// The built-in document kinds, for tests that drive the stages without buildProject.
import { briefKind, type BriefOptions } from '../../src/documents/brief/briefKind.js';
import { BUILT_IN_KINDS } from '../../src/documents/builtInKinds.js';
import { KindRegistry } from '../../src/documents/kindRegistry.js';
import type { LaidOutDocument } from '../../src/layout/pageTypes.js';
import { loadTemplate } from '../../src/load/loadTemplate.js';
import type { Template } from '../../src/load/templateTypes.js';
import type { ResolvedDocument } from '../../src/resolve/resolvedTypes.js';

export const KINDS = new KindRegistry(BUILT_IN_KINDS);

/** A project's brief template (templates/brief.yaml). */
export function briefTemplate(root: string): Template {
  return loadTemplate(root, 'templates/brief.yaml', briefKind);
}

/** The brief template without the contents page and appendix, so page 1 of the body is simple. */
export function plainTemplate(t: Template): Template {
  return { ...t, options: { ...(t.options as BriefOptions), contents: false, chartDataAppendix: false } };
}

/** Composes a resolved document as a brief. */
export function composeAsBrief(doc: ResolvedDocument, t: Template, paper: 'a4' | 'letter' = t.paper): LaidOutDocument {
  return briefKind.compose({ doc, template: t, options: t.options as BriefOptions, paper, strings: briefKind.strings }).laid;
}
