#!/usr/bin/env node
// One measured run, in a fresh process (started by bench/run.mjs):
//
//   node bench/measure-child.mjs bare  <file.jsonl|file.xlsx>
//   node bench/measure-child.mjs audit <file> <report.json> [extra CLI args, e.g. --jobs 2]
//
// bare : JSONL — read line by line (readline on a stream) and JSON.parse each line;
//        XLSX  — XLSX.read(buf, { dense: true }) and XLSX.utils.sheet_to_json of every sheet.
// audit: what bin/guide-audit.js does — runCli([file, '-f', 'json', '-o', report, ...extra]) from the
//        built dist/src/cli.js — in this process, so that its peak memory is this process's.
//
// At exit it prints one line `@@MEASURE {json}` on stdout: ms (process start → exit, from
// performance.now()), workMs (the work alone, after the modules were loaded), maxRSS (bytes, from
// process.resourceUsage(), i.e. getrusage: the true peak of this process, worker threads included),
// and what the work saw (records, sheets, exit code). The exit code is the CLI's (1 = findings).
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [mode, file, report, ...extra] = process.argv.slice(2);
const info = { mode };
let workStart = 0;

process.on('exit', (code) => {
  const ru = process.resourceUsage();
  const out = {
    ...info,
    ms: Math.round(performance.now()),
    workMs: workStart ? Math.round(performance.now() - workStart) : undefined,
    maxRSS: ru.maxRSS * 1024, // resourceUsage reports kilobytes
    exitCode: code,
  };
  fs.writeSync(1, `\n@@MEASURE ${JSON.stringify(out)}\n`);
});

async function bareJsonl() {
  workStart = performance.now();
  const rl = createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let records = 0;
  let bad = 0;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    try {
      JSON.parse(line);
      records++;
    } catch {
      bad++;
    }
  }
  Object.assign(info, { records, bad });
}

async function bareXlsx() {
  const XLSX = await import('xlsx');
  workStart = performance.now();
  const wb = XLSX.read(fs.readFileSync(file), { dense: true });
  const sheets = {};
  const missing = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // SheetJS leaves a sheet out (without an error) when it cannot hold its XML.
    if (!ws) {
      missing.push(name);
      continue;
    }
    // Rows of cell text, as a user sees them (what an audit reads too).
    sheets[name] = XLSX.utils.sheet_to_json(ws, { header: 1, raw: false, defval: '' }).length;
  }
  Object.assign(info, { sheets, missing });
}

async function audit() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { runCli } = await import(path.join(here, '..', 'dist', 'src', 'cli.js'));
  workStart = performance.now();
  try {
    const code = await runCli([file, '-f', 'json', '-o', report, ...extra], {});
    info.cliExitCode = code;
    process.exitCode = code;
  } catch (err) {
    // As bin/guide-audit.js: an internal error is exit code 2 (not 1, which means findings).
    info.error = err && err.message ? err.message : String(err);
    process.stderr.write(`guide-audit：内部错误：${info.error}\n`);
    process.exitCode = 2;
  }
}

if (!file || !['bare', 'audit'].includes(mode) || (mode === 'audit' && !report)) {
  process.stderr.write('usage: node bench/measure-child.mjs bare <file> | audit <file> <report.json> [args…]\n');
  process.exit(2);
}
if (mode === 'bare') await (/\.(jsonl|ndjson)$/i.test(file) ? bareJsonl() : bareXlsx());
else await audit();
