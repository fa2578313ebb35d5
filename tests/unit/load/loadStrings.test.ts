// content/strings/LANG.yaml: what a project may change, and how a mistake in it is reported.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KindRegistry } from '../../../src/documents/kindRegistry.js';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadStrings } from '../../../src/load/loadStrings.js';
import { KINDS } from '../../helpers/kinds.js';
import { noteKind } from '../../fixtures/kinds/note/noteKind.js';

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-strings-'));
  mkdirSync(join(dir, 'content/strings'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'content/strings', name), text);
  return dir;
}

function errorsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

describe('loadStrings', () => {
  it('reads engine strings at the top and a kind’s under its name', () => {
    const s = loadStrings(root({ 'vi.yaml': '\uFEFFfigureLabel: "Biểu đồ {number}"\nhandout:\n  turnOver: Mời xem mặt sau\n', 'README.md': 'notes', 'fr.yaml': '' }), KINDS);
    expect([...s.keys()]).toEqual(['fr', 'vi']);
    expect(s.get('vi')).toEqual({ file: 'content/strings/vi.yaml', engine: { figureLabel: 'Biểu đồ {number}' }, kinds: { handout: { turnOver: 'Mời xem mặt sau' } } });
    expect(s.get('fr')).toEqual({ file: 'content/strings/fr.yaml', engine: {}, kinds: {} });
  });

  it('has nothing to read without the folder', () => {
    expect(loadStrings(mkdtempSync(join(tmpdir(), 'report-strings-')), KINDS).size).toBe(0);
  });

  it('knows the strings of kinds an API caller adds, and only of kinds it knows', () => {
    const dir = root({ 'fr.yaml': 'note:\n  tooLong: la note ne tient pas sur une page\n' });
    expect(loadStrings(dir, new KindRegistry([...KINDS.names().map((n) => KINDS.get(n)!), noteKind])).get('fr')!.kinds.note).toEqual({ tooLong: 'la note ne tient pas sur une page' });
    expect(errorsOf(() => loadStrings(dir, KINDS))).toEqual([
      'content/strings/fr.yaml:1:1: no document kind "note" — the kinds are brief, handout, letter',
    ]);
  });

  it('reports every mistake with its place', () => {
    const dir = root({
      'es.yml': 'sourcesTitle: Fuentes\n',
      'es.yaml': 'sourcesTitle: [Fuentes]\nsourceTitle: Fuente\nbreif:\n  contents: Índice\nbrief:\n  contactTitle: Contacto {organisation} {year}\n  sourcesTitle: Fuentes\nqrAlt: ""\nfigureCaption: Figura.\n',
      'vi.yaml': 'figureLabel: Hình {number\n  bad: [\n',
    });
    expect(errorsOf(() => loadStrings(dir, KINDS))).toEqual([
      'content/strings/es.yaml:1:15: sourcesTitle must be text — write it in quotes if it looks like a number or is empty; the English is "Sources of figures"',
      'content/strings/es.yaml:2:1: unknown string "sourceTitle" — did you mean "sourcesTitle"?',
      'content/strings/es.yaml:3:1: no document kind "breif" — did you mean "brief"?',
      'content/strings/es.yaml:6:17: brief.contactTitle has an unknown slot {year} — its slots are {organisation}',
      'content/strings/es.yaml:7:3: unknown string "sourcesTitle" of the brief — "sourcesTitle" is every document\'s: put it at the top, not under "brief:"',
      'content/strings/es.yaml:8:8: qrAlt is empty — remove the line to keep the built-in text',
      'content/strings/es.yaml:9:16: figureCaption lacks the slot {number} — put it where the value goes, as in the English "Figure {number}."',
      'content/strings/es.yml: strings files end in .yaml — rename it to es.yaml',
      expect.stringMatching(/^content\/strings\/vi\.yaml:\d+:\d+: invalid YAML: .* — check indentation and quoting$/),
    ]);
  });
});
