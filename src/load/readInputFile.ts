// The one way a build reads a file a user gave it (config, templates, Markdown and its includes,
// data and sidecars, chart specs, strings, images, recipients lists, cache entries). Shared
// content folders get downloaded and edited by many hands, so every read is checked the same way:
//
// - the path is resolved with its symlinks followed, and the REAL path must stay inside the
//   folder the file belongs to (content/, templates/, the cache folder): a partial that links to
//   /etc/passwd is refused, not printed; once the file is open, the path must still lead to
//   that same file (device and inode), so a folder on the way swapped for a link between the
//   check and the open is refused too;
// - only regular files: a folder, FIFO, device or socket is a located error. The file is opened
//   once, with O_NONBLOCK so that opening a FIFO cannot block, and checked with fstat on that
//   handle, so what is checked is what is read;
// - the size limit of its kind is enforced while reading, in chunks: stat().size is 0 for
//   /dev/zero and a FIFO, and a file can grow between a stat and a read.
//
// A test (tests/unit/load/inputReadsGoThroughReader.test.ts) walks src/ and fails when anything
// else opens a file with node:fs, apart from an explicit list of reads that are not user input.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, type SourcePlace } from '../errors.js';

/** What a file is read as; each kind has its own size limit (INPUT_LIMITS). */
export type InputKind =
  | 'markdown' | 'data' | 'sidecar' | 'chart' | 'config' | 'template' | 'strings' | 'image' | 'svg' | 'font' | 'recipients' | 'cache'
  | 'profile' | 'key' | 'pdf' | 'hashed';

const KB = 1024;
const MB = 1024 * KB;

/**
 * The most bytes a file of each kind may have. Each is far above any real input of its kind
 * and far below what would tie up a build: a read stops at the limit + 1 byte.
 */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  // Some 560 pages of prose (each file; a document with its includes has the same limit, and
  // why 2 MB is said at MAX_MARKDOWN_BYTES).
  markdown: 2 * MB,
  // 100,000 rows of figures.
  data: 5 * MB,
  // A source, a year, a url and some column types.
  sidecar: 64 * KB,
  // Data goes in data files; a spec is layout.
  chart: 512 * KB,
  config: 256 * KB,
  template: 256 * KB,
  strings: 256 * KB,
  // A print-resolution photograph, compressed.
  image: 5 * MB,
  // A logo drawn as vectors: detailed logos are tens of KB.
  svg: 1 * MB,
  // A full CJK font is about 20 MB.
  font: 32 * MB,
  // A donor list of a few hundred thousand rows.
  recipients: 50 * MB,
  // The largest entries (broken paragraphs of a long document, font subsets) are a few hundred KB.
  cache: 64 * MB,
  // A press ICC profile (print.profile in a template) is a few MB at most.
  profile: 16 * MB,
  // A DKIM private key (PEM).
  key: 64 * KB,
  // A PDF named to `report preflight`.
  pdf: 512 * MB,
  // Any file under content/ or templates/, hashed (not parsed) for a merge's input key.
  hashed: 64 * MB,
};

const NAMES: Readonly<Record<InputKind, string>> = {
  markdown: 'Markdown file', data: 'data file', sidecar: 'data sidecar', chart: 'chart spec', config: 'configuration',
  template: 'template', strings: 'strings file', image: 'image', svg: 'SVG file', font: 'font file', recipients: 'recipients file', cache: 'cache entry',
  profile: 'ICC profile', key: 'private key', pdf: 'PDF', hashed: 'project file',
};

const CHUNK = 64 * KB;

export interface InputFileRequest {
  /** The project root: `file` is relative to it. */
  root: string;
  /** The file, relative to `root` with forward slashes, as messages print it (content/brief.md). */
  file: string;
  kind: InputKind;
  /**
   * The folder the file must really be in, absolute or relative to `root`. Default: the first
   * folder of `file` (content, templates, .cache), or the root for a file at the root.
   */
  area?: string;
  /** Where errors point (the include line, the config key); default: the file itself. */
  place?: SourcePlace;
  /** The error for a file that does not exist (default: "FILE does not exist"). */
  ifMissing?: () => InputError;
  /** How messages name the file (default: `file`), e.g. "image content/images/x.png". */
  subject?: string;
  /** What to do about a file over the limit (default: it is probably the wrong file). */
  tooLargeHint?: string;
}

/** The file's bytes, read by the rules above; anything else is a located InputError. */
export function readInputFile(req: InputFileRequest): Buffer {
  const { root, file, kind } = req;
  const place = req.place ?? { file };
  const what = NAMES[kind];
  const area = resolve(root, req.area ?? areaOf(file));
  const path = resolve(root, file);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw failure(e, req, place, what);
  }
  let realArea: string;
  try {
    realArea = realpathSync(area);
  } catch (e) {
    throw failure(e, req, place, what);
  }
  // The project's own folders must be in the project: a content/ that is a link to /etc would
  // make every file under /etc "inside content/". (An area given explicitly, such as a file
  // named on the command line or the cache folder, is where the caller says.)
  if (req.area === undefined && !isInside(realArea, realRoot(root, req, place, what))) {
    const folder = relative(resolve(root), area).split(sep).join('/');
    throw new InputError(place, `${folder}/ is a link to ${realArea}, which is outside the project`, `make ${folder}/ a real folder in the project`);
  }
  if (!isInside(real, realArea)) throw linkOutside(req, place, area, real);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    // O_NOFOLLOW: `real` has no links left; one swapped in since as its last part is refused,
    // not followed (a folder on the way is checked after opening, below).
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    throw failure(e, req, place, what);
  }
  try {
    const st = fstatSync(fd);
    const subject = req.subject ?? file;
    const swapped = swappedSinceCheck(st, real);
    if (swapped !== undefined) {
      if (swapped !== real) throw linkOutside(req, place, area, swapped);
      throw new InputError(place, `${subject} was replaced by another file while it was being opened`, `build again, and check what else writes to ${folderName(root, area)}`);
    }
    if (!st.isFile()) throw notRegular(st, subject, place, what);
    const limit = INPUT_LIMITS[kind];
    const tooLarge = (bytes: number | undefined) => new InputError(place,
      bytes === undefined ? `${subject} is larger than ${size(limit)}, the limit for a ${what}` : `${subject} is ${inUnitOf(bytes, limit)}; the limit is ${size(limit)}`,
      req.tooLargeHint ?? 'a file this large is almost certainly the wrong file; shorten or split it');
    // A regular file that says it is too large is refused before reading; the size can still
    // change under us, so the limit is enforced while reading too.
    if (st.size > limit) throw tooLarge(st.size);
    return readBounded(fd, limit, place, subject, () => tooLarge(undefined));
  } finally {
    closeSync(fd);
  }
}

/**
 * The path `real` leads to now, when it is no longer the file that was opened: realpath and open
 * are two steps, and a folder on the way swapped for a link between them is followed by open
 * (O_NOFOLLOW guards only the last part of the path). Checked once the file is open: the path
 * must still resolve to itself, without links, and name the open file (same device and inode).
 * Undefined when it does; `real` itself when it resolves to itself but is another file (a link
 * swapped in and back again); a path it cannot resolve at all counts as another file.
 */
export function swappedSinceCheck(opened: Pick<Stats, 'dev' | 'ino'>, real: string): string | undefined {
  let now: string;
  let st: Stats;
  try {
    now = realpathSync(real);
    st = statSync(now);
  } catch {
    return real;
  }
  if (now !== real) return now;
  return st.dev === opened.dev && st.ino === opened.ino ? undefined : real;
}

function folderName(root: string, area: string): string {
  const folder = relative(resolve(root), area).split(sep).join('/');
  return folder ? folder + '/' : 'the project';
}

function linkOutside(req: InputFileRequest, place: SourcePlace, area: string, real: string): InputError {
  const folder = folderName(req.root, area);
  return new InputError(place, `${req.subject ?? req.file} is a link to ${real}, which is outside ${folder}`, `copy the file into ${folder} instead of linking to it`);
}

function realRoot(root: string, req: InputFileRequest, place: SourcePlace, what: string): string {
  try {
    return realpathSync(root);
  } catch (e) {
    throw failure(e, req, place, what);
  }
}

/** The file as UTF-8 text without a byte-order mark. */
export function readInputText(req: InputFileRequest): string {
  return readInputFile(req).toString('utf8').replace(/^\uFEFF/, '');
}

/** Whether `path` (real, absolute) is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

function areaOf(file: string): string {
  const i = file.indexOf('/');
  return i < 0 ? '.' : file.slice(0, i);
}

function readBounded(fd: number, limit: number, place: SourcePlace, subject: string, tooLarge: () => InputError): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      throw new InputError(place, `${subject} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'check that it is a file you can read');
    }
    if (n === 0) break;
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    total += n;
    if (total > limit) throw tooLarge();
  }
  return Buffer.concat(chunks, total);
}

function notRegular(st: Stats, subject: string, place: SourcePlace, what: string): InputError {
  if (st.isDirectory()) return new InputError(place, `${subject} is a folder, not a ${what}`, 'name a file, or move the folder out of the way');
  const type = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'a special file';
  return new InputError(place, `${subject} is not a regular file: it is ${type}`, `replace it with an ordinary ${what}`);
}

function failure(e: unknown, req: InputFileRequest, place: SourcePlace, what: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const subject = req.subject ?? req.file;
  if (code === 'ENOENT' || code === 'ENOTDIR') return req.ifMissing?.() ?? new InputError(place, `${subject} does not exist`, `check the name of the ${what}`);
  if (code === 'ELOOP') return new InputError(place, `${subject} is a symbolic link that loops`, 'replace the link with the file');
  if (code === 'EISDIR') return new InputError(place, `${subject} is a folder, not a ${what}`, 'name a file, or move the folder out of the way');
  return new InputError(place, `${subject} cannot be read (${code ?? (e as Error).message})`, 'check that it is a file you can read');
}

function size(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

/** A size in the unit the limit is written in: "10.0 MB" against 5 MB, "586 KB" against 512 KB. */
function inUnitOf(bytes: number, limit: number): string {
  return limit >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / KB)} KB`;
}
