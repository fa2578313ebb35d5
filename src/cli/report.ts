#!/usr/bin/env node
// The `report` executable (bundled to dist/report.cjs, run by bin/report.cjs): runs the CLI and
// sets the exit code.
import { main, reportError } from './main.js';

// `report build | head` closes our stdout early: the build still finishes and writes its files;
// only the progress lines go nowhere.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(e, process.argv.includes('--debug'), (s) => process.stderr.write(s + '\n'));
  },
);
