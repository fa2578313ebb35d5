// The sections of content/config.yaml that belong to merging and mail (`recipients:`,
// `merge:`, `mail:`) are read here, beside the code that uses them; loadConfig only lets
// their names through. Values keep their YAML nodes so errors can name the line.
import { isMap, isScalar, type Node } from 'yaml';
import { readInputText } from '../load/readInputFile.js';
import { InputError } from '../errors.js';
import { readYaml, type YamlFile } from '../load/readYaml.js';

export const CONFIG_FILE = 'content/config.yaml';

export interface ConfigSection {
  y: YamlFile;
  /** The section's value node; undefined when config.yaml has no such section. */
  node: Node | undefined;
  /** The section's key node, for errors about the section as a whole. */
  key: Node | undefined;
}

export function configSection(root: string, name: string): ConfigSection {
  const text = readInputText({
    root, file: CONFIG_FILE, kind: 'config',
    ifMissing: () => new InputError({ file: CONFIG_FILE }, 'project configuration not found', 'create content/config.yaml (see README)'),
  });
  const y = readYaml(text, CONFIG_FILE);
  const top = y.doc.contents;
  if (!isMap(top)) return { y, node: undefined, key: undefined };
  const pair = top.items.find((p) => isScalar(p.key) && p.key.value === name);
  return { y, node: (pair?.value ?? undefined) as Node | undefined, key: pair?.key as Node | undefined };
}

/** The scalar value of `key` in a mapping node, with its node for error places. */
export function entryOf(node: unknown, key: string): { value: unknown; node: Node | undefined; keyNode: Node | undefined } {
  if (!isMap(node)) return { value: undefined, node: undefined, keyNode: undefined };
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
  const v = pair?.value as Node | undefined;
  return { value: isScalar(v) ? v.value : v, node: v, keyNode: pair?.key as Node | undefined };
}

/** The keys of a mapping node, each with its key node. */
export function keysOf(node: unknown): { key: string; node: Node }[] {
  if (!isMap(node)) return [];
  return node.items.map((p) => ({ key: isScalar(p.key) ? String(p.key.value) : String(p.key), node: p.key as Node }));
}
