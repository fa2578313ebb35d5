// `report merge`: one PDF per recipient (default output/letters/{id}.pdf) and a manifest.
// Everything that can be checked is checked first (the recipients file, every recipient's
// merge fields), then PDFs are built one recipient at a time in one build session. Each PDF
// is written whole (temporary file, rename) and then recorded in an append-only journal, so a
// run killed at any point leaves whole files, and the next run with the same inputs resumes
// where it stopped, keeping only the files whose SHA-256 matches their journal line. The
// manifest (id, file, pages, bytes, SHA-256) is written last, atomically and fsync'd.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildSession } from '../build/buildSession.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import { InputError, InputErrors } from '../errors.js';
import { loadConfig } from '../load/loadConfig.js';
import type { ProjectConfig } from '../load/sourceTypes.js';
import { readMailConfig } from '../mail/mailConfig.js';
import { loadRecipients } from '../recipients/loadRecipients.js';
import { readRecipientsConfig } from '../recipients/recipientsConfig.js';
import type { Recipient, RecipientList } from '../recipients/recipientTypes.js';
import { Journal, readJournal, removeStaleTemps, syncDir, writeFileDurable } from './durableFile.js';
import { inputKey } from './inputKey.js';
import { readMergeConfig } from './mergeConfig.js';
import { MergeEngine } from './mergeEngine.js';
import { mergeProblems } from './mergeProblems.js';
import { inShard, shardSuffix, type Shard } from './shard.js';

export interface MergeOptions {
  root: string;
  /** A recipients file to use instead of config.yaml's (relative to the working directory). */
  recipients?: string;
  /** Default: output/letters under the root. */
  outDir?: string;
  shard?: Shard;
  paper?: 'a4' | 'letter';
  session?: BuildSession;
  /** Called once the checks have passed, with the number of recipients to merge. */
  onStart?: (total: number) => void;
  /** Called after each recipient, built or resumed. */
  onProgress?: (p: { done: number; total: number; failed: number; id: string }) => void;
}

export interface ManifestEntry {
  id: string;
  /** Relative to the output folder. */
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  recipients: string;
  documents: string[];
  shard: string | null;
  entries: ManifestEntry[];
  failed: { id: string; error: string }[];
}

export interface MergeResult {
  outDir: string;
  manifestFile: string;
  manifest: Manifest;
  /** Recipients whose PDF an earlier run with the same inputs (finished or killed) had written. */
  resumed: number;
  built: number;
  warnings: string[];
  list: RecipientList;
}

interface JournalHeader { journal: 'merge'; key: string }

export async function runMerge(opts: MergeOptions): Promise<MergeResult> {
  const root = resolve(opts.root);
  const kinds = new KindRegistry(BUILT_IN_KINDS);
  // The recipients file and the merge fields are checked before anything is built.
  const config = loadConfig(root, kinds);
  const list = loadRecipients(root, readRecipientsConfig(root), opts.recipients);
  const { documents } = readMergeConfig(root, config);
  const engine = await MergeEngine.open({ root, documents, list, paper: opts.paper, session: opts.session });
  const problems = mergeProblems(engine.trees, list, config.locale);
  if (problems.length) throw problems.length === 1 ? problems[0] : new InputErrors(problems);

  const outDir = opts.outDir ? resolve(opts.outDir) : join(root, 'output/letters');
  mkdirSync(outDir, { recursive: true });
  removeStaleTemps(outDir);
  const suffix = shardSuffix(opts.shard);
  const journalFile = join(outDir, `.merge-journal${suffix}.jsonl`);
  const manifestFile = join(outDir, `manifest${suffix}.json`);
  const recipientsPath = opts.recipients !== undefined ? resolve(opts.recipients) : resolve(root, list.file);
  const key = inputKey(root, recipientsPath, { documents, paper: opts.paper ?? null, shard: suffix }, mailMessage(root, config));

  // Resume: what an interrupted run with the same inputs finished, if its files are intact.
  const previous = readJournal<JournalHeader | ManifestEntry>(journalFile);
  const sameInputs = (previous[0] as JournalHeader | undefined)?.key === key;
  const done = new Map<string, ManifestEntry>();
  if (sameInputs) {
    for (const e of previous.slice(1) as ManifestEntry[]) if (intact(outDir, e)) done.set(e.id, e);
  }
  const mine = list.recipients.filter((r) => inShard(r.id, opts.shard));
  // A document nobody's fields change (the brief) is laid out once, before any recipient: its
  // errors (past the page limit, say) are the run's, reported once, not every recipient's.
  if (mine.some((r) => !done.has(r.id))) await engine.prepareShared();
  // Not fsync'd: a resumed run checks every file it keeps against its SHA-256 anyway.
  const journal = Journal.open(journalFile, !sameInputs, false);
  if (!sameInputs) journal.append({ journal: 'merge', key } satisfies JournalHeader);

  const entries: ManifestEntry[] = [];
  const failed: Manifest['failed'] = [];
  const warnings: string[] = [];
  let built = 0;
  let resumed = 0;
  opts.onStart?.(mine.length);
  try {
    for (const r of mine) {
      const prior = done.get(r.id);
      if (prior) {
        entries.push(prior);
        resumed++;
      } else {
        const e = await buildOne(engine, r, outDir, failed, warnings);
        if (e) {
          journal.append(e);
          entries.push(e);
          built++;
        }
      }
      opts.onProgress?.({ done: entries.length + failed.length, total: mine.length, failed: failed.length, id: r.id });
    }
  } finally {
    journal.close();
  }
  const manifest: Manifest = { recipients: list.file, documents, shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null, entries, failed };
  writeFileDurable(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  syncDir(outDir);
  return { outDir, manifestFile, manifest, resumed, built, warnings: [...engine.warnings, ...warnings], list };
}

async function buildOne(engine: MergeEngine, r: Recipient, outDir: string, failed: Manifest['failed'], warnings: string[]): Promise<ManifestEntry | undefined> {
  let m;
  try {
    m = await engine.build(r);
  } catch (e) {
    // A recipient whose letter cannot be made (it overflows its page) does not stop the others.
    if (e instanceof InputError) failed.push({ id: r.id, error: e.message });
    else if (e instanceof InputErrors) failed.push({ id: r.id, error: e.errors.map((x) => x.message).join('\n') });
    else throw e;
    return undefined;
  }
  warnings.push(...m.warnings);
  const file = `${r.id}.pdf`;
  writeFileDurable(join(outDir, file), m.pdf, false);
  return { id: r.id, file, pages: m.pages, bytes: m.pdf.length, sha256: createHash('sha256').update(m.pdf).digest('hex') };
}

/** The email's Markdown (mail.message), which the PDFs do not depend on; none if mail: is unset or wrong. */
function mailMessage(root: string, config: ProjectConfig): string | undefined {
  try {
    return readMailConfig(root, config).message;
  } catch {
    return undefined;
  }
}

function intact(outDir: string, e: ManifestEntry): boolean {
  if (typeof e?.id !== 'string' || typeof e.file !== 'string' || typeof e.sha256 !== 'string') return false;
  const path = join(outDir, e.file);
  try {
    if (!existsSync(path) || statSync(path).size !== e.bytes) return false;
    return createHash('sha256').update(readFileSync(path)).digest('hex') === e.sha256;
  } catch {
    return false;
  }
}
