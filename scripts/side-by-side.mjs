// node scripts/side-by-side.mjs BEFORE.png AFTER.png OUT.png: two page renderings side by side, to compare a change by eye.
import { PNG } from 'pngjs';
import { readFileSync, writeFileSync } from 'node:fs';
const [a, b, out] = process.argv.slice(2).map((f) => f);
const A = PNG.sync.read(readFileSync(a)), B = PNG.sync.read(readFileSync(b));
const gap = 12, W = A.width + B.width + gap, H = Math.max(A.height, B.height);
const C = new PNG({ width: W, height: H }); C.data.fill(255);
for (const [img, x0] of [[A, 0], [B, A.width + gap]]) for (let y = 0; y < img.height; y++) img.data.copy(C.data, (y * W + x0) * 4, y * img.width * 4, (y + 1) * img.width * 4);
writeFileSync(out, PNG.sync.write(C));
