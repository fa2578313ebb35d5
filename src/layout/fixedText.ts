// Fixed text ("Sources of figures", a caption's "Figure 3.") as inline content, split by script
// like the author's text: in a Khmer document the strings are Khmer, set in the Khmer font.
import type { Marks } from '../parse/documentTypes.js';
import type { RInline } from '../resolve/resolvedTypes.js';
import { splitScripts } from '../resolve/splitScripts.js';

export function fixedInlines(text: string, marks: Marks = {}): RInline[] {
  return splitScripts({ kind: 'text', text, marks });
}
