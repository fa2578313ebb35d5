import type { Command } from './parseArgs.js';

export async function watchProject(_cmd: Command, _root: string, io: { err: (s: string) => void }): Promise<number> {
  io.err('report watch: not available yet');
  return 1;
}
