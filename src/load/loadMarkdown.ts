// Reads a document's Markdown: front matter validated, `{{include …}}` lines expanded, and a
// line map kept so every later error can name the file and line the text really came from.
import { ErrorList, InputError, type SourcePlace } from '../errors.js';
import { readMapping, readYaml } from './readYaml.js';
import type { DocumentEntry, FrontMatter, MarkdownSource } from './sourceTypes.js';
import { checkContentPath } from './contentPath.js';
import { readInputText } from './readInputFile.js';

const INCLUDE = /^\s*\{\{\s*include\s+([^}\s]+)\s*\}\}\s*$/;
const MAX_INCLUDE_DEPTH = 8;
// Line ends as markdown-it counts them (a lone CR is one too), so the line map stays in step.
const NEWLINE = /\r\n?|\n/;
/**
 * Markdown a document may hold, each file and all of it with its includes: 2 MB is some 560
 * pages of prose, twenty times a long brief, and holds the 500-page benchmark (1.9 MB). With the
 * block, paragraph and page limits beside it (parse/blockCount.ts, parseMarkdown.ts,
 * layout/pageLimit.ts), the worst 2 MB documents measured on 2 cores (18,000 short paragraphs,
 * 954 pages; eight 250 KB paragraphs) build in about 5 s and 560 MB; at 5 MB, before those
 * limits, a table took 31 s and 1.45 GB, a single paragraph 1.7 GB (README, Bad input).
 */
export const MAX_MARKDOWN_BYTES = 2 * 1024 * 1024;

export function loadMarkdown(root: string, entry: DocumentEntry): MarkdownSource {
  const file = entry.source;
  const text = readText(root, file, undefined);
  const { yamlText, yamlFirstLine, bodyStart } = splitFrontMatter(text, file);
  const frontMatter = readFrontMatter(yamlText, file, yamlFirstLine, entry);
  const lines: string[] = [];
  const lineMap: SourcePlace[] = [];
  expand(root, file, text.split(NEWLINE).slice(bodyStart), bodyStart + 1, lines, lineMap, [file], { bytes: 0, files: new Map(), top: undefined });
  const body = lines.join('\n');
  return { name: entry.name, kind: entry.kind, template: entry.template, file, frontMatter, body, lineMap };
}

function readText(root: string, file: string, from: SourcePlace | undefined): string {
  // The size limit is enforced while reading (readInputFile.ts); the total with includes below.
  return readInputText({
    root, file, kind: 'markdown', place: from,
    ifMissing: () => new InputError(from ?? { file }, from ? `included file ${file} does not exist` : `${file} does not exist`, 'check the file name under content/'),
  });
}

function splitFrontMatter(text: string, file: string) {
  const lines = text.split(NEWLINE);
  if (lines[0]?.trim() !== '---') {
    throw new InputError({ file, line: 1 }, 'missing front matter', 'start the file with a --- line, the title, date, language and template, then ---');
  }
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) throw new InputError({ file, line: 1 }, 'front matter is not closed', 'add a --- line after it');
  return { yamlText: lines.slice(1, end).join('\n'), yamlFirstLine: 2, bodyStart: end + 1 };
}

function readFrontMatter(yamlText: string, file: string, firstLine: number, entry: DocumentEntry): FrontMatter {
  const y = readYaml(yamlText, file, firstLine);
  const errors = new ErrorList();
  const m = readMapping(y, y.doc.contents, {
    title: { kind: 'string', required: true },
    subtitle: { kind: 'string' },
    organisation: { kind: 'string' },
    date: { kind: 'date', required: true },
    language: { kind: 'string', required: true },
    template: { kind: 'string' },
    paper: { kind: { oneOf: ['a4', 'letter'] } },
    keywords: { kind: 'strings' },
  }, errors, 'front matter');
  errors.throwIfAny();
  const lang = String(m.language);
  try {
    new Intl.Locale(lang);
  } catch {
    throw new InputError({ file, line: firstLine }, `language "${lang}" is not a BCP 47 tag`, 'write e.g. en-GB');
  }
  // The kind comes from config.yaml; a front matter that names another one is a mix-up.
  if (m.template !== undefined && m.template !== entry.kind) {
    throw new InputError({ file, line: firstLine }, `template is "${m.template}" but content/config.yaml makes this file a ${entry.kind}`, `set template: ${entry.kind}, or change the document's kind in content/config.yaml`);
  }
  return m as unknown as FrontMatter;
}

/**
 * The expansion so far: bytes counted as lines are added, so includes fanning out (a 1 MB
 * partial reached 8,000 times through three small ones) stop at the limit instead of building
 * gigabytes first; each partial is read once however often it is included.
 */
interface Expansion {
  bytes: number;
  files: Map<string, string[]>;
  /** The include line in the document itself that the current text comes through. */
  top: SourcePlace | undefined;
}

function expand(root: string, file: string, src: string[], firstLine: number, out: string[], map: SourcePlace[], stack: string[], x: Expansion): void {
  const add = (line: string, place: SourcePlace) => {
    x.bytes += Buffer.byteLength(line) + 1;
    if (x.bytes > MAX_MARKDOWN_BYTES) {
      throw new InputError(x.top ?? { file }, `with its includes the text is over ${MAX_MARKDOWN_BYTES / 1048576} MB${x.top ? ` (the limit was reached in ${place.file}, included from here)` : ''}`, 'include less, or split the document');
    }
    out.push(line);
    map.push(place);
  };
  src.forEach((line, i) => {
    const place = { file, line: firstLine + i };
    const m = INCLUDE.exec(line);
    if (!m) {
      add(line, place);
      return;
    }
    const target = 'content/' + m[1];
    checkContentPath(m[1], place);
    if (stack.includes(target)) throw new InputError(place, `include cycle: ${[...stack, target].join(' → ')}`, 'remove one of the includes');
    if (stack.length > MAX_INCLUDE_DEPTH) throw new InputError(place, 'includes nested too deeply', `at most ${MAX_INCLUDE_DEPTH} levels`);
    let lines = x.files.get(target);
    if (!lines) x.files.set(target, (lines = readText(root, target, place).split(NEWLINE)));
    const top = x.top;
    x.top ??= place;
    // Blank lines around an include keep it a block of its own whatever surrounds it.
    add('', place);
    expand(root, target, lines, 1, out, map, [...stack, target], x);
    add('', place);
    x.top = top;
  });
}
