#!/usr/bin/env node
// Starts the CLI and sets the exit code; everything else lives in src/cli.ts.
import { runCli } from '../dist/src/cli.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`guide-audit：内部错误：${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
