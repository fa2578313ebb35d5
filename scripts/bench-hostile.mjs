// Hostile input timed (issue 12), for npm run bench: each case is the sample project with one
// pathological input planted, built once by the real CLI as a new process; wall time, exit code
// and peak RSS (GNU time's %M when /usr/bin/time exists). Numbers, not pass/fail: the
// hostile-input tests (tests/e2e/hostileInput.images.test.ts) assert the outcomes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const FRONT = '---\ntitle: Hostile\ndate: 2026-11-30\nlanguage: en-GB\ntemplate: brief\n---\n\n';

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** 1000×1000 greyscale whose data inflates to 1 GB of zeros (see tests/helpers/hostileImages.ts). */
function pngBomb() {
  const step = 16 << 20;
  const block = deflateRawSync(Buffer.alloc(step), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((64 * step) % 65521) * 65536 + 1) >>> 0);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1000, 0);
  ihdr.writeUInt32BE(1000, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.concat([Buffer.from([0x78, 0xda]), ...Array(64).fill(block), Buffer.from([3, 0]), adler])), pngChunk('IEND', Buffer.alloc(0))]);
}

const CASES = {
  'a 250 KB word': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + 'a'.repeat(250 << 10) + '\n'),
  '100,000 nested brackets': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '['.repeat(1e5) + 'x' + ']'.repeat(1e5) + '\n'),
  '1,000 footnotes (the limit)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + Array.from({ length: 1000 }, (_, i) => `Text[^n${i}].`).join('\n') + '\n\n' + Array.from({ length: 1000 }, (_, i) => `[^n${i}]: Note ${i}.`).join('\n') + '\n'),
  '15,000 footnotes (refused)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + Array.from({ length: 15e3 }, (_, i) => `Text[^n${i}].`).join('\n') + '\n\n' + Array.from({ length: 15e3 }, (_, i) => `[^n${i}]: Note ${i}.`).join('\n') + '\n'),
  'include fan-out, 8,000 × 500 KB (refused)': (dir) => {
    writeFileSync(join(dir, 'content/partials/mb.md'), ('word '.repeat(200) + '\n\n').repeat(500));
    for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'mb']]) writeFileSync(join(dir, `content/partials/${from}.md`), `{{include partials/${to}.md}}\n`.repeat(20));
    writeFileSync(join(dir, 'content/brief.md'), FRONT + 'Intro.\n\n{{include partials/a.md}}\n');
  },
  // At the size limits (README, Bad input): each under 30 s and 1 GB on two cores.
  '1 MB of prose, 100-word paragraphs (~280 pages)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + prose(1024 * 1024 - 200, 100)),
  '2 MB of prose, 100-word paragraphs (~560 pages)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + prose(2 * 1024 * 1024 - 200, 100)),
  // The most memory of any accepted input found (README, Bad input): ~830 pages of list.
  '19,900 15-word list items in 2 MB': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '- the record of a station, a year and a month, read by people who check the source\n'.repeat(19_900)),
  'a 250 KB paragraph': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + prose(250 * 1024, 1e9)),
  'a 300 KB paragraph (refused)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + prose(300 * 1024, 1e9)),
  '19,900 one-word list items (~490 pages)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '- a\n'.repeat(19_900)),
  '260,000 one-word list items in 1 MB (refused)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '- a\n'.repeat(260_000)),
  'a table of 16,600 rows of 3 cells (~440 pages)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '| Place | Year | Note |\n|---|---|---|\n' + '| Phnom Penh | the wet season | children walked |\n'.repeat(16_600)),
  'a table of 49,800 cells (4,150 rows of 12)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '|' + 'h|'.repeat(12) + '\n|' + '-|'.repeat(12) + '\n' + ('|' + 'a|'.repeat(12) + '\n').repeat(4150)),
  '350,000 one-letter paragraphs in 1 MB (refused)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + 'a\n\n'.repeat(349_000)),
  'a 100,000-line code block (1,400 pages, refused)': (dir) => writeFileSync(join(dir, 'content/brief.md'), FRONT + '```\n' + 'x\n'.repeat(100_000) + '```\n'),
  'PNG bomb, 1 MB inflating to 1 GB (warning)': (dir) => {
    mkdirSync(join(dir, 'content/images'), { recursive: true });
    writeFileSync(join(dir, 'content/images/bomb.png'), pngBomb());
    const md = join(dir, 'content/brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace(/\n# /, '\n![A bomb](images/bomb.png)\n\n# '));
  },
};

const WORDS = 'the station recorded rain on most days of the wet season and children walked to school'.split(' ');

/** About `bytes` of ordinary words, a paragraph break after every `perParagraph` words, a heading every 20 paragraphs. */
function prose(bytes, perParagraph) {
  let out = '';
  for (let i = 0; out.length < bytes; i++) {
    const n = (i + 1) / perParagraph;
    out += WORDS[(i * 7 + (i >> 4)) % WORDS.length] + (Number.isInteger(n) ? (n % 20 ? '.\n\n' : `.\n\n# Section ${n / 20}\n\n`) : ' ');
  }
  return out.slice(0, bytes) + '\n';
}

/** One build per case: { case: { ms, exit, rssMb } }. */
export function benchHostile(root) {
  const out = {};
  const time = existsSync('/usr/bin/time');
  for (const [name, plant] of Object.entries(CASES)) {
    const dir = mkdtempSync(join(tmpdir(), 'report-hostile-'));
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    plant(dir);
    const cli = [process.execPath, join(root, 'bin/report.cjs'), 'build', 'brief', '--root', dir, '--no-cache'];
    const t0 = performance.now();
    const r = time ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', ...cli], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' }) : spawnSync(cli[0], cli.slice(1), { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
    const ms = performance.now() - t0;
    const kb = /MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1];
    out[name] = { ms, exit: r.status ?? r.signal, rssMb: kb ? Number(kb) / 1024 : null };
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  for (const [k, v] of Object.entries(benchHostile(root))) console.log(`${k.padEnd(50)} ${v.ms.toFixed(0).padStart(6)} ms  exit ${v.exit}  ${v.rssMb ? v.rssMb.toFixed(0) + ' MB' : ''}`);
}
