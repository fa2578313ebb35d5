// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (no browser download). Required: .ci/run installs it, and these tests fail without it.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Polls `check` every `everyMs` until it returns a value, at most `withinMs` (then throws `what`). */
export async function within<T>(withinMs: number, what: string, check: () => Promise<T | undefined | null | false>, everyMs = 50): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let i = 0; i < 100_000; i++) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what}: not within ${withinMs} ms`);
}
