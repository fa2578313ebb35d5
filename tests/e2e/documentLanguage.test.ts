// Every language a document claims: its `language` front matter picks the fixed text (contents,
// figure labels, source lines, contact labels, the placeholder notice, alt texts, the date),
// content/strings/LANG.yaml changes any of it, and a language without strings or hyphenation
// patterns is said once. Read back from the PDFs of scratch copies of the sample.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { InputError, InputErrors } from '../../src/errors.js';
import type { StructNode } from '../../src/layout/pageTypes.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';
import { readPdfText } from '../helpers/readPdf.js';

/** A scratch sample whose two documents are in `language`, with the given strings files. */
function project(language: string, strings: Record<string, string> = {}): string {
  const dir = scratchProject();
  for (const f of ['brief.md', 'handout.md']) {
    const p = join(dir, 'content', f);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/^language: en-GB$/m, `language: ${language}`));
  }
  if (Object.keys(strings).length) mkdirSync(join(dir, 'content/strings'));
  for (const [name, text] of Object.entries(strings)) writeFileSync(join(dir, 'content/strings', name), text);
  return dir;
}

/** Each document's text, whitespace (no-break spaces too) made single spaces. */
async function texts(r: BuildResult): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const d of r.documents) out[d.name] = (await readPdfText(d.pdf)).pages.join('\n').replace(/\s+/g, ' ');
  return out;
}

function alts(node: StructNode, out: string[] = []): string[] {
  if (node.alt) out.push(node.alt);
  if (node.title) out.push(node.title);
  node.children.forEach((c) => alts(c, out));
  return out;
}

const errorLines = (e: unknown): string[] => (e instanceof InputErrors ? e.errors.map((x) => x.message) : e instanceof InputError ? [e.message] : [String(e)]);

// The English the engine and the kinds print, none of which may be left in another language.
const ENGLISH = ['Contents', 'Source:', 'Sources of figures', 'Appendix', 'Contact AIM', 'Website', 'Phone', 'Address',
  'These contact details are placeholders', 'Please turn over', 'Placeholder contact details', 'Every number in this brief', '30 November 2026'];
const ENGLISH_ALT = /^(Link to|Go to|Note \d|Back to the text|QR code|Donate at)/;

describe('document language', () => {
  it('a French document prints its fixed text in French, and content/strings/fr.yaml changes a string', async () => {
    const dir = project('fr-FR', { 'fr.yaml': 'sourcesTitle: D’où viennent les chiffres\nbrief:\n  contactGive: Soutenir\n' });
    const r = await buildProject({ root: dir, dryRun: true });
    const t = await texts(r);
    for (const s of ['Sommaire', 'Figure 1.', 'Source : International Labour Organization', 'Annexe : données des graphiques', 'Indicateur', 'Valeur', 'Année',
      'Contacter AIM', 'Site web', 'Téléphone', 'Adresse', 'Ces coordonnées sont des exemples (example.org)', '30 novembre 2026', 'Tous les chiffres de ce document'])
      expect(t.brief).toContain(s);
    for (const s of ['Suite au verso', 'Coordonnées fictives (example.org)', 'Les estimations portent sur']) expect(t.handout).toContain(s);
    // The override, for the engine (both documents) and for the brief alone.
    expect(t.brief).toContain('D’où viennent les chiffres');
    expect(t.handout).toContain('D’où viennent les chiffres');
    expect(t.brief).toContain('Soutenir');
    expect(t.brief).not.toContain('Faire un don');
    expect(t.brief).not.toContain('Sources des chiffres');
    for (const d of ['brief', 'handout']) for (const s of ENGLISH) expect(t[d], `${d}: "${s}"`).not.toContain(s);
    const briefAlts = alts(r.documents[0].laid.structure);
    expect(briefAlts).toContain('Code QR menant à https://example.org/donate');
    expect(briefAlts).toContain('Retour au texte de la note 1');
    // French has patterns: no warning about its strings or its hyphenation.
    expect(r.warnings).toEqual([]);
  });

  it('a Vietnamese document prints its fixed text in Vietnamese, alt texts included', async () => {
    const dir = project('vi-VN', { 'vi.yaml': 'brief:\n  contactGive: Ủng hộ\n' });
    const r = await buildProject({ root: dir, dryRun: true });
    const t = await texts(r);
    for (const s of ['Mục lục', 'Hình 1.', 'Nguồn: International Labour Organization', 'Nguồn số liệu', 'Phụ lục: dữ liệu biểu đồ', 'Chỉ số', 'Giá trị',
      'Liên hệ AIM', 'Ủng hộ', 'Trang web', 'Điện thoại', 'Địa chỉ', 'Đây là thông tin liên hệ mẫu', '30 tháng 11, 2026'])
      expect(t.brief).toContain(s);
    for (const s of ['Xem tiếp ở mặt sau', 'Thông tin liên hệ mẫu', 'Nguồn số liệu']) expect(t.handout).toContain(s);
    expect(t.brief).not.toContain('Quyên góp');
    expect(t.brief).not.toContain('Figure');
    for (const d of ['brief', 'handout']) for (const s of ENGLISH) expect(t[d], `${d}: "${s}"`).not.toContain(s);
    for (const d of r.documents) {
      const a = alts(d.laid.structure);
      expect(a.filter((x) => ENGLISH_ALT.test(x))).toEqual([]);
      expect(a).toContain('Mã QR dẫn đến https://example.org/donate');
    }
    expect(alts(r.documents[0].laid.structure)).toContain('Chú thích 1');
    // Vietnamese is not hyphenated, by its nature: no warning for that either.
    expect(r.warnings).toEqual([]);
  });

  it('a language with no strings prints English and says so once, with its hyphenation', async () => {
    const r = await buildProject({ root: project('de-DE'), dryRun: true });
    expect(r.warnings).toEqual([
      'content/brief.md: no strings for language "de"; fixed text is in English — add content/strings/de.yaml',
      'content/brief.md: no hyphenation patterns for language "de"; justified lines are set without hyphens and may space out — a soft hyphen (&shy;) in a long word lets it break',
    ]);
    const t = await texts(r);
    expect(t.brief).toContain('Sources of figures');
    // The date is still the document's language's.
    expect(t.brief).toContain('30. November 2026');
  });

  it('a language Intl has no data for dates the document in English, whatever the machine’s locale', async () => {
    const dir = project('qaa');
    const run = runShippedCli(['build', 'brief', '--root', dir, '--no-cache', '--quiet'], { env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' } });
    expect(run.status, run.stderr).toBe(0);
    const text = (await readPdfText(readFileSync(join(dir, 'output/brief.pdf')))).pages[0];
    expect(text).toContain('November 30, 2026');
    expect(text).not.toContain('novembre');
  }, 60_000);

  it('a partial strings file for such a language names what is left in English', async () => {
    const r = await buildProject({ root: project('de-DE', { 'de.yaml': 'sourcesTitle: Quellen der Zahlen\nbrief:\n  contents: Inhalt\n' }), only: ['brief'], dryRun: true });
    expect(r.warnings[0]).toMatch(/^content\/strings\/de\.yaml: no "de" text for figureLabel, figureCaption, sourceLine, noteTitle, noteBackLink, linkAlt and \d+ more; they print in English — add them to content\/strings\/de\.yaml$/);
    const t = await texts(r);
    expect(t.brief).toContain('Inhalt');
    expect(t.brief).toContain('Quellen der Zahlen');
  });

  it('a bad key, slot or value in a strings file is an error at its line', async () => {
    const dir = project('fr-FR', {
      'fr.yaml': [
        'figureLabel: Fig. {nombre}',
        'sourceLine: Source',
        'brief:',
        '  contnets: Sommaire',
        '  contactTitle: 42',
        'contents: Sommaire',
        'handout: Suite',
        '',
      ].join('\n'),
      'fr-CA.yaml': 'contents: Table\n',
    });
    const e = await buildProject({ root: dir, dryRun: true }).then(() => undefined, (x: unknown) => x);
    expect(errorLines(e)).toEqual([
      'content/strings/fr-CA.yaml: "fr-CA" is not a language — name the file after the language subtag in lower case, e.g. fr.yaml or vi.yaml (fr-FR and fr-CA both read fr.yaml)',
      'content/strings/fr.yaml:1:14: figureLabel has an unknown slot {nombre} — write {number}: slot names stay as in the English "Figure {number}"',
      'content/strings/fr.yaml:2:13: sourceLine lacks the slot {source} — put it where the value goes, as in the English "Source: {source}"',
      'content/strings/fr.yaml:4:3: unknown string "contnets" of the brief — did you mean "contents"?',
      'content/strings/fr.yaml:5:17: brief.contactTitle must be text — write it in quotes if it looks like a number or is empty; the English is "Contact {organisation}"',
      'content/strings/fr.yaml:6:1: unknown string "contents" — "contents" is the brief\'s: put it under "brief:"',
      'content/strings/fr.yaml:7:10: "handout" holds the handout\'s strings — indent them under it, e.g. "handout:" then "  sourcesIntro: …"',
    ]);
  });
});
