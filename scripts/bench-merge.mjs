// The merge benchmark: `report merge` for N recipients (default 1,000) in one process through
// the API (dist/api.mjs): each recipient's letter laid out and rendered, joined to the brief
// (laid out and rendered once), written durably with its journal line. Reports wall and CPU
// time (the machine is shared: CPU time is the steadier number), the first recipient apart
// (it pays for the brief), and RSS after a GC at 100 and at N recipients.
//   node scripts/bench-merge.mjs [N]     (npm run bench runs it too, with N = 1000)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A scratch copy of the sample with N placeholder recipients (example.org). */
function project(n) {
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-merge-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  const sample = readFileSync(join(ROOT, 'content/recipients.example.csv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const header = sample[0];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const id = `b${String(i + 1).padStart(5, '0')}`;
    const gift = i % 3 === 0 ? '' : String(10 + (i % 97) * 5);
    const date = gift ? `2026-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}` : '';
    rows.push(`${id},donor.${id}@example.org,Donor ${id},${i % 4 ? `Friend ${id}` : ''},en-GB,"${i + 1} Placeholder Road\nExampletown",${['Prevent', 'Rescue', 'Restore', ''][i % 4]},${gift},${date},${50 + (i % 10) * 25}`);
  }
  writeFileSync(join(dir, 'content/recipients.example.csv'), [header, ...rows].join('\n') + '\n');
  return dir;
}

export function benchMerge(n = 1000) {
  const dir = project(n);
  const script = `
    const { runMerge } = await import(${JSON.stringify(join(ROOT, 'dist/api.mjs'))});
    const rss = {};
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let first, at100;
    const r = await runMerge({ root: ${JSON.stringify(dir)}, onProgress: (p) => {
      if (p.done === 1) first = { wall: performance.now() - t0, cpu: process.cpuUsage(c0) };
      if (p.done === 100) at100 = { wall: performance.now() - t0, cpu: process.cpuUsage(c0) };
      if (p.done === 100 || p.done === p.total) { globalThis.gc(); rss[p.done] = process.memoryUsage().rss / 2 ** 20; }
    } });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const ms = (u) => (u.user + u.system) / 1000;
    const steady = ${n} > 100 ? { wall: (wall - at100.wall) / (${n} - 100), cpu: (ms(cpu) - ms(at100.cpu)) / (${n} - 100) } : null;
    console.log(JSON.stringify({ recipients: r.manifest.entries.length, failed: r.manifest.failed.length, pages: r.manifest.entries[0].pages,
      bytes: r.manifest.entries.reduce((s, e) => s + e.bytes, 0), wallMs: wall, cpuMs: ms(cpu), first: { wall: first.wall, cpu: ms(first.cpu) },
      perRecipient: { wall: wall / ${n}, cpu: ms(cpu) / ${n} }, steady, rssMb: rss, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const n = Number(process.argv[2] ?? 1000);
  const m = benchMerge(n);
  const f = (x) => x.toFixed(0);
  console.log(`merge: ${m.recipients} recipients (letter + brief, ${m.pages} pages, ${(m.bytes / 2 ** 20).toFixed(0)} MB) in one process: ${f(m.wallMs)} ms wall, ${f(m.cpuMs)} ms CPU`);
  console.log(`  per recipient: ${m.perRecipient.wall.toFixed(1)} ms wall, ${m.perRecipient.cpu.toFixed(1)} ms CPU; first (with the brief): ${f(m.first.wall)} ms wall, ${f(m.first.cpu)} ms CPU${m.steady ? `; after the first 100: ${m.steady.wall.toFixed(1)} ms wall, ${m.steady.cpu.toFixed(1)} ms CPU` : ''}`);
  console.log(`  RSS after GC: ${Object.entries(m.rssMb).map(([k, v]) => `${k}: ${v.toFixed(0)} MB`).join(', ')}; peak ${f(m.maxRssMb)} MB`);
}
