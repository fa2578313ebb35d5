// Builds the logical structure tree (for the tagged PDF) while layout walks the document.
import type { StructNode, StructType } from './pageTypes.js';

export class StructureBuilder {
  private nextId = 1;
  readonly root: StructNode;
  constructor(lang?: string) {
    this.root = { id: 0, type: 'Document', children: [], lang };
  }
  add(parent: StructNode, type: StructType, extra: Partial<Omit<StructNode, 'id' | 'type' | 'children'>> = {}): StructNode {
    const n: StructNode = { id: this.nextId++, type, children: [], ...extra };
    parent.children.push(n);
    return n;
  }
  /** A node not yet attached (attached later, e.g. notes after their paragraph). */
  detached(type: StructType, extra: Partial<Omit<StructNode, 'id' | 'type' | 'children'>> = {}): StructNode {
    return { id: this.nextId++, type, children: [], ...extra };
  }
}
