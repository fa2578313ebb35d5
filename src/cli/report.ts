#!/usr/bin/env node
// The `report` executable (bundled to dist/report.mjs): runs the CLI and sets the exit code.
import { main, reportError } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.exitCode = reportError(e, process.argv.includes('--debug'), (s) => process.stderr.write(s + '\n'));
  },
);
