// Document kinds are registered, not coded into the engine: a test adds a `note` kind from
// one folder and one template, config.yaml lists any number of documents of any kind, and
// builds through the API do not share state, even when they run at the same time.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { InputError, InputErrors } from '../../src/errors.js';
import { noteKind } from '../fixtures/kinds/note/noteKind.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { scratchProject } from '../helpers/project.js';
import { readPdfText } from '../helpers/readPdf.js';

const NOTE_MD = `---
title: Thank you
date: 2026-11-30
language: en-GB
template: note
keywords: [note]
---

Dear friend,

Thank you for standing with children and families. Your gift this year paid for outreach in
villages where families had never heard how recruiters work.

With gratitude,

The team
`;

function noteProject(): string {
  const dir = scratchProject();
  copyFileSync(join(import.meta.dirname, '../fixtures/kinds/note/note.yaml'), join(dir, 'templates/note.yaml'));
  writeFileSync(join(dir, 'content/note.md'), NOTE_MD);
  const config = join(dir, 'content/config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').trimEnd() + '\n  note: { source: note.md, kind: note }\n');
  return dir;
}

const errorLines = (e: unknown): string[] => (e instanceof InputErrors ? e.errors.map((x) => x.message) : e instanceof InputError ? [e.message] : [String(e)]);

describe('document kinds', () => {
  it('a note kind added by a test (one folder, one template) builds a one-page, tagged note', async () => {
    const dir = noteProject();
    const r = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], dryRun: true });
    expect(r.documents.map((d) => [d.name, d.kind, d.pages])).toEqual([['note', 'note', 1]]);
    const text = (await readPdfText(r.documents[0].pdf)).pages[0];
    expect(text).toContain('AIM');
    expect(text).toContain('30 November 2026');
    expect(text.replace(/\s+/g, ' ')).toContain('Thank you for standing with children and families.');
    const ua = await checkPdfUa(r.documents[0].pdf);
    expect(ua.failures).toEqual([]);
    expect(ua.stats.structElems).toBeGreaterThan(3);
    // The kind's own template key was read: the band is 70 pt high as note.yaml says.
    const band = r.documents[0].laid.pages[0].items.find((i) => i.kind === 'rect');
    expect(band && band.kind === 'rect' && band.h).toBe(70);
    // The other documents of the project still build beside it.
    const all = await buildProject({ root: dir, kinds: [noteKind], dryRun: true });
    expect(all.documents.map((d) => d.name)).toEqual(['brief', 'handout', 'note']);
  }, 60_000);

  it('a kind the build does not know is a located error naming the kinds there are', async () => {
    const dir = noteProject();
    const e = await buildProject({ root: dir, dryRun: true }).then(() => null, (x: unknown) => x);
    const lines = errorLines(e);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/config\.yaml:\d+:\d+: documents\.note: unknown document kind "note" — the kinds are brief, handout, letter$/);
  });

  it('a template key of another kind is refused with its line, not silently ignored', async () => {
    const dir = noteProject();
    const t = join(dir, 'templates/note.yaml');
    writeFileSync(t, readFileSync(t, 'utf8') + 'contents: true\n');
    const e = await buildProject({ root: dir, only: ['note'], kinds: [noteKind], dryRun: true }).then(() => null, (x: unknown) => x);
    expect(errorLines(e)).toEqual([expect.stringMatching(/^templates\/note\.yaml:27:\d+: unknown template key "contents"/)]);
  });

  it('two documents may share a kind and a template; the same source gives the same bytes', async () => {
    const dir = scratchProject();
    const config = join(dir, 'content/config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').trimEnd() + '\n  brief-copy: { source: brief.md, kind: brief, template: brief.yaml }\n');
    const r = await buildProject({ root: dir, only: ['brief', 'brief-copy'], dryRun: true });
    expect(r.documents.map((d) => d.file.split('/').pop())).toEqual(['brief.pdf', 'brief-copy.pdf']);
    expect(r.documents[1].pdf.equals(r.documents[0].pdf)).toBe(true);
    expect(r.documents[0].pages).toBeGreaterThan(5);
  }, 60_000);

  it('front matter that names another kind than config.yaml is a located error', async () => {
    const dir = scratchProject();
    const md = join(dir, 'content/handout.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('template: handout', 'template: brief'));
    const e = await buildProject({ root: dir, only: ['handout'], dryRun: true }).then(() => null, (x: unknown) => x);
    expect(errorLines(e)).toEqual([expect.stringMatching(/^content\/handout\.md:2: template is "brief" but content\/config\.yaml makes this file a handout/)]);
  });

  it('asking for a document the config does not list is a located error', async () => {
    const e = await buildProject({ root: scratchProject(), only: ['leaflet'], dryRun: true }).then(() => null, (x: unknown) => x);
    expect(errorLines(e)).toEqual(['content/config.yaml: no document named "leaflet" — the documents are brief, handout']);
  });
});

describe('build sessions', () => {
  const pdfs = (r: BuildResult) => r.documents.map((d) => d.pdf);

  it('two builds at the same time in one process give the same bytes as two in a row', async () => {
    const a = scratchProject();
    const b = scratchProject();
    // The second project differs in its text, its Khmer and a figure, so the two builds break,
    // shape and chart different things while they interleave.
    const md = join(b, 'content/brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('# The problem worldwide', '# The problem across the world'));
    const data = join(b, 'content/data/history.csv');
    writeFileSync(data, readFileSync(data, 'utf8').replace('history.independence,Independence,', 'history.independence,Independence declared,'));
    const inRow = [pdfs(await buildProject({ root: a, dryRun: true })), pdfs(await buildProject({ root: b, dryRun: true }))];
    const atOnce = (await Promise.all([buildProject({ root: a, dryRun: true }), buildProject({ root: b, dryRun: true })])).map(pdfs);
    expect(inRow[0][0].equals(inRow[1][0])).toBe(false);
    for (const p of [0, 1]) for (const d of [0, 1]) expect(atOnce[p][d].equals(inRow[p][d]), `project ${p} document ${d}`).toBe(true);
  }, 120_000);
});
