#!/usr/bin/env node
// guide-audit benchmark: bare parse vs. full audit of the same export, side by side.
//
//   npm run bench                       # = npm run build && node bench/run.mjs
//   node bench/run.mjs [--quick] [--big] [--jobs N] [--out DIR] [--repeat N] [--regen] [--profile]
//                      [--results FILE]
//
//   --quick     jsonl-10k and xlsx-5k only (smoke run)
//   --big       also xlsx-150k (generating it takes a few minutes and several GB of memory)
//   --jobs N    pass --jobs N to the audit (if the CLI rejects it, say so and run without)
//   --out DIR   where the data lives (default <os.tmpdir()>/guide-audit-bench; reused when current)
//   --repeat N  runs per measurement (default 3; the median wall time is reported)
//   --regen     regenerate the data even when a current copy exists
//   --profile   afterwards, profile one audit per format (node --cpu-prof) and list the top functions
//   --results F write the Markdown results to F instead of bench/RESULTS.md
//
// Every measurement is a fresh child process (bench/measure-child.mjs), timed from spawn to exit by
// this process; its peak memory is the child's own maxRSS (getrusage) at exit. Runs of one dataset
// alternate bare/audit so that drift on a busy machine hits both alike.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { DATASETS, DEFAULT_OUT, datasetNames, datasetPaths, readManifest, checkOutDir } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BIN = path.join(ROOT, 'bin', 'guide-audit.js');
const CHILD = path.join(HERE, 'measure-child.mjs');
const GENERATOR = path.join(HERE, 'generate.mjs');
const MB = 1024 * 1024;

// Targets (README of bench/).
const TARGETS = {
  jsonl100kRatio: 2.0,
  jsonl100kPeakMB: 400,
  xlsx20kRatio: 1.3,
  xlsx150kPeakMB: 1024,
  helpMs: 200,
};

function parseArgs(argv) {
  const a = { quick: false, big: false, jobs: undefined, out: DEFAULT_OUT, repeat: 3, regen: false, profile: false, results: path.join(HERE, 'RESULTS.md') };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    if (x === '--quick') a.quick = true;
    else if (x === '--big') a.big = true;
    else if (x === '--jobs') a.jobs = next();
    else if (x === '--out') a.out = path.resolve(next());
    else if (x === '--repeat') a.repeat = Math.max(1, Number(next()) | 0);
    else if (x === '--regen') a.regen = true;
    else if (x === '--profile') a.profile = true;
    else if (x === '--results') a.results = path.resolve(next());
    else if (x === '-h' || x === '--help') {
      const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${x} (see node bench/run.mjs --help)`);
  }
  return a;
}

const median = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtInt = (n) => (n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US'));
const fmtMB = (b) => (b === undefined ? '—' : (b / MB).toFixed(0));
const fmtRatio = (r) => (r === undefined || !Number.isFinite(r) ? '—' : r.toFixed(2));

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/** Sum of VmRSS of the descendants of pid (worker processes, if the CLI ever forks). */
function descendantsRss(pid) {
  let total = 0;
  let seen = 0;
  const walk = (p) => {
    let kids = [];
    try {
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        kids.push(...fs.readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
      }
    } catch {
      kids = [];
    }
    for (const k of kids) {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${k}/status`, 'utf8'));
        if (m) total += Number(m[1]) * 1024;
        seen++;
      } catch { /* gone */ }
      walk(k);
    }
  };
  walk(pid);
  return { total, seen };
}

/**
 * Run `node <args>` and time it from spawn to exit. Returns wall ms, exit code/signal, the
 * @@MEASURE record the child printed, its stderr tail and, when it had child processes of its own,
 * the sampled peak of (its maxRSS + their RSS).
 */
function runNode(args, { timeoutMs = 60 * 60 * 1000 } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; if (out.length > 1 << 20) out = out.slice(-65536); });
    child.stderr.on('data', (d) => { err += d; if (err.length > 1 << 20) err = err.slice(-65536); });
    let descPeak = 0;
    let descSeen = false;
    const sampler = setInterval(() => {
      const d = descendantsRss(child.pid);
      if (d.seen) {
        descSeen = true;
        let own = 0;
        try {
          own = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
        } catch { /* exited */ }
        descPeak = Math.max(descPeak, own + d.total);
      }
    }, 200);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      const wall = performance.now() - t0;
      clearInterval(sampler);
      clearTimeout(timer);
      child.on('close', () => {
        const line = out.split('\n').reverse().find((l) => l.startsWith('@@MEASURE '));
        const m = line ? JSON.parse(line.slice('@@MEASURE '.length)) : undefined;
        resolve({ wall, code, signal, m, stderr: err.trim().split('\n').slice(-5).join('\n'), treePeak: descSeen ? descPeak : undefined });
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

function ensureData(names, a) {
  const manifests = {};
  for (const name of names) {
    let m = !a.regen && readManifest(name, a.out);
    if (!m) {
      process.stdout.write(`  generating ${name} (${fmtInt(DATASETS[name].guides)} guides) … `);
      const heap = DATASETS[name].guides > 50_000 ? ['--max-old-space-size=16384'] : [];
      const r = spawnSync(process.execPath, [...heap, GENERATOR, '--out', a.out, '--only', name, '--regen'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`generating ${name} failed:\n${r.stderr || r.stdout}`);
      m = readManifest(name, a.out);
      if (!m) throw new Error(`generating ${name} wrote no usable manifest`);
      console.log(`${(m.bytes / 1e6).toFixed(1)} MB in ${(m.generatedInMs / 1000).toFixed(1)} s`);
    } else {
      console.log(`  ${name}: reusing ${m.file} (${(m.bytes / 1e6).toFixed(1)} MB)`);
    }
    manifests[name] = m;
  }
  return manifests;
}

async function timeHelp() {
  const args = [BIN, '--help'];
  await runNode(args); // warm-up (file cache), not counted
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = await runNode(args);
    if (r.code !== 0) throw new Error(`guide-audit --help exited with ${r.code}: ${r.stderr}`);
    runs.push(r.wall);
  }
  return { median: median(runs), runs };
}

/** Does the CLI take --jobs? Audits a 20-guide file with it. */
async function probeJobs(jobs, runDir, manifests) {
  const src = Object.values(manifests).find((m) => m.format === 'jsonl');
  const dir = path.join(runDir, 'probe');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'probe.jsonl');
  if (src) {
    const lines = fs.readFileSync(src.file, 'utf8').slice(0, 400_000).split('\n').slice(0, 20);
    fs.writeFileSync(file, lines.join('\n') + '\n');
  } else {
    fs.writeFileSync(file, JSON.stringify({ 事项名称: '测试事项', 实施编码: '1', 事项类型: '行政许可' }) + '\n');
  }
  const r = await runNode([CHILD, 'audit', file, path.join(runDir, 'probe-report.json'), '--jobs', String(jobs)]);
  const ok = r.code === 0 || r.code === 1;
  return { ok, message: ok ? '' : (r.stderr || `exit code ${r.code}`) };
}

/** Check a report against the dataset: every guide read, nothing lost. */
function checkReport(reportFile, manifest) {
  try {
    const r = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const skippedOut = (r.skipped ?? []).reduce((n, s) => n + (s.count ?? 0), 0);
    const problems = [];
    if (r.loadErrors?.length) problems.push(`${r.loadErrors.length} load errors (${r.loadErrors[0].message})`);
    if (r.summary.guides !== manifest.inScope) problems.push(`${r.summary.guides} guides audited, ${manifest.inScope} expected`);
    if (r.summary.guides + skippedOut !== manifest.guides) problems.push(`${r.summary.guides} audited + ${skippedOut} skipped ≠ ${manifest.guides}`);
    const orphan = (r.notices ?? []).find((n) => /找不到对应的事项/.test(n));
    if (orphan) problems.push(orphan);
    return {
      complete: problems.length === 0,
      problems,
      findings: r.summary.findings,
      guidesWithFindings: r.summary.guidesWithFindings,
      audited: r.summary.guides,
      reportBytes: fs.statSync(reportFile).size,
    };
  } catch (e) {
    return { complete: false, problems: [`report unreadable: ${e.message}`] };
  }
}

function checkBare(m, manifest) {
  if (!m) return ['no measurement (crashed?)'];
  if (manifest.format === 'jsonl') return m.records === manifest.guides ? [] : [`${m.records} records parsed, ${manifest.guides} expected`];
  const want = { 事项基本信息: manifest.guides + 2, 申请材料: manifest.materials + 1, 办理流程: manifest.steps + 1 };
  const p = [];
  if (m.missing?.length) p.push(`sheets not read: ${m.missing.join(', ')}`);
  for (const [s, n] of Object.entries(want)) if (m.sheets?.[s] !== n) p.push(`${s}: ${m.sheets?.[s] ?? 0} rows, ${n} expected`);
  return p;
}

async function measureDataset(name, manifest, a, runDir, jobsArgs) {
  const reportFile = path.join(runDir, `${name}.report.json`);
  const bare = [];
  const audit = [];
  let check;
  // Read the file once first (not timed): the first bare run would otherwise pay the disk alone
  // (measured: 33 s cold against 4 s warm for the 516 MB JSONL on a machine with a small page cache).
  for await (const chunk of fs.createReadStream(manifest.file, { highWaterMark: 4 * MB })) void chunk;
  for (let i = 0; i < a.repeat; i++) {
    process.stdout.write(`  ${name} run ${i + 1}/${a.repeat}: bare … `);
    const b = await runNode([CHILD, 'bare', manifest.file]);
    bare.push(b);
    process.stdout.write(`${fmtInt(b.wall)} ms, audit … `);
    fs.rmSync(reportFile, { force: true });
    const r = await runNode([CHILD, 'audit', manifest.file, reportFile, ...jobsArgs]);
    audit.push(r);
    console.log(`${fmtInt(r.wall)} ms${r.code === 1 || r.code === 0 ? '' : ` (exit ${r.code ?? r.signal})`}`);
    if (i === 0) check = checkReport(reportFile, manifest);
    if (r.code !== 0 && r.code !== 1) {
      if (r.stderr) console.log(`    ${r.stderr.split('\n').join('\n    ')}`);
      break; // a crash (e.g. out of memory) repeats; do not spend the time
    }
  }
  const okAudit = audit.filter((r) => r.code === 0 || r.code === 1);
  const peak = (runs) => {
    const xs = runs.map((r) => Math.max(r.m?.maxRSS ?? 0, r.treePeak ?? 0)).filter(Boolean);
    return xs.length ? Math.max(...xs) : undefined;
  };
  const bareProblems = checkBare(bare[0]?.m, manifest);
  const res = {
    name,
    format: manifest.format,
    guides: manifest.guides,
    bytes: manifest.bytes,
    bareMs: median(bare.map((r) => r.wall)),
    bareRuns: bare.map((r) => r.wall),
    bareWorkMs: median(bare.map((r) => r.m?.workMs ?? NaN)),
    barePeak: peak(bare),
    bareProblems,
    auditMs: okAudit.length === audit.length ? median(audit.map((r) => r.wall)) : undefined,
    auditRuns: audit.map((r) => r.wall),
    auditWorkMs: okAudit.length ? median(okAudit.map((r) => r.m?.workMs ?? NaN)) : undefined,
    auditPeak: peak(audit),
    auditExit: audit.map((r) => r.code ?? r.signal),
    auditFailure: okAudit.length === audit.length ? undefined : audit.find((r) => !(r.code === 0 || r.code === 1)).stderr || `exit ${audit.at(-1).code ?? audit.at(-1).signal}`,
    treeSeen: audit.some((r) => r.treePeak !== undefined),
    check: check ?? { complete: false, problems: ['no report'] },
  };
  res.ratio = res.auditMs !== undefined ? res.auditMs / res.bareMs : undefined;
  res.guidesPerSec = res.auditMs !== undefined ? res.guides / (res.auditMs / 1000) : undefined;
  return res;
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary
// ---------------------------------------------------------------------------------------------

function summariseProfile(file, top = 15) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const rel = (url) => {
    if (!url) return '';
    const p = url.startsWith('file://') ? fileURLToPath(url) : url;
    return p.startsWith(ROOT) ? path.relative(ROOT, p) : p;
  };
  const fnAgg = new Map();
  const fileAgg = new Map();
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    const where = rel(cf.url);
    const name = cf.functionName || '(anonymous)';
    const key = `${name.length > 70 ? name.slice(0, 67) + '…' : name}\t${where}${where ? `:${cf.lineNumber + 1}` : ''}`;
    fnAgg.set(key, (fnAgg.get(key) ?? 0) + us);
    const fk = where ? where.replace(/^node_modules\/([^/]+)\/.*$/, 'node_modules/$1') : /^RegExp:/.test(cf.functionName) ? '(regular expressions)' : `(${cf.functionName || 'native'})`;
    fileAgg.set(fk, (fileAgg.get(fk) ?? 0) + us);
  }
  // Inclusive time of the project's own modules (dist/src/…, dist/rules/…): a sample counts once for
  // every module on its stack, so a rule's share includes the parsers and regexps it calls.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const where = rel(byId.get(n).callFrame.url);
      if (where.startsWith('dist/') && !seen.has(where)) {
        seen.add(where);
        inclusive.set(where, (inclusive.get(where) ?? 0) + us);
      }
    }
  }
  // Phases: a sample belongs to the first of these found anywhere on its stack.
  const PHASES = [
    ['rules (with the parsers they call)', (w) => w.startsWith('dist/rules/')],
    // Stream reading runs from the event loop, with no loader frame on its stack: its Node internals count here.
    ['reading and mapping the export (loaders, SheetJS, JSON.parse, file reads)', (w) => w.startsWith('dist/src/loaders/') || w.startsWith('node_modules/xlsx/') || /^node:(string_decoder|internal\/readline|internal\/streams|internal\/fs|fs$)/.test(w)],
    ['attachment lookup', (w) => w.startsWith('dist/src/attachments/')],
    ['statistics, scores, report (aggregate, stats, reporters, sort)', (w) => /^dist\/src\/(aggregate|stats|scoring|report|sort|merge|output)\.js$|^dist\/src\/reporters\//.test(w)],
    ['per-guide bookkeeping (audit-file, schema check)', (w) => w === 'dist/src/audit-file.js' || w.startsWith('node_modules/zod/')],
  ];
  const phases = new Map();
  for (const [id, us] of self) {
    const fn = byId.get(id).callFrame.functionName;
    let phase = fn === '(garbage collector)' ? 'garbage collector' : fn === '(idle)' ? 'idle (waiting for I/O)' : undefined;
    if (!phase && parent.get(id) !== undefined && ['read', 'RegExp: \\r?\\n|\\r(?!\\n)'].includes(fn)) phase = PHASES[1][0]; // native read(), readline's line split
    if (!phase) {
      const stack = [];
      for (let n = id; n !== undefined; n = parent.get(n)) stack.push(rel(byId.get(n).callFrame.url));
      phase = PHASES.find(([, test]) => stack.some(test))?.[0] ?? 'other (start-up, module loading, microtasks)';
    }
    phases.set(phase, (phases.get(phase) ?? 0) + us);
  }
  const sorted = (m) => [...m].sort((p, q) => q[1] - p[1]);
  return {
    totalMs: total / 1000,
    phases: sorted(phases).map(([phase, us]) => ({ phase, ms: us / 1000, pct: (100 * us) / total })),
    inclusive: sorted(inclusive).slice(0, 15).map(([f, us]) => ({ file: f, ms: us / 1000, pct: (100 * us) / total })),
    functions: sorted(fnAgg).slice(0, top).map(([k, us]) => {
      const [fn, where] = k.split('\t');
      return { fn, where, ms: us / 1000, pct: (100 * us) / total };
    }),
    files: sorted(fileAgg).slice(0, 10).map(([f, us]) => ({ file: f, ms: us / 1000, pct: (100 * us) / total })),
  };
}

async function profileAudit(manifest, runDir, jobsArgs) {
  const dir = path.join(runDir, `prof-${manifest.dataset}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = await runNode(['--cpu-prof', `--cpu-prof-dir=${dir}`, CHILD, 'audit', manifest.file, path.join(dir, 'report.json'), ...jobsArgs]);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return { dataset: manifest.dataset, error: `no profile written (exit ${r.code ?? r.signal})` };
  // The main thread's profile is the biggest; worker threads (if any) write their own.
  const sizes = files.map((f) => [f, fs.statSync(path.join(dir, f)).size]).sort((p, q) => q[1] - p[1]);
  return { dataset: manifest.dataset, wall: r.wall, profiles: sizes.length, ...summariseProfile(path.join(dir, sizes[0][0])), file: path.join(dir, sizes[0][0]) };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** Which build was measured: a hash of dist/ and the time of its newest file (the engine changes). */
function buildId() {
  const h = createHash('sha1');
  let newest = 0;
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.js')) {
        h.update(path.relative(ROOT, p)).update(fs.readFileSync(p));
        newest = Math.max(newest, fs.statSync(p).mtimeMs);
      }
    }
  };
  walk(path.join(ROOT, 'dist'));
  return `dist/ ${h.digest('hex').slice(0, 12)}, built ${new Date(newest).toISOString()}`;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString(),
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

function command(argv) {
  const own = `node bench/run.mjs${argv.length ? ' ' + argv.join(' ') : ''}`;
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}  (${process.env.npm_lifecycle_script ?? own})` : own;
}

function evaluateTargets(results, help, a) {
  const by = Object.fromEntries(results.map((r) => [r.name, r]));
  const t = [];
  const status = (ok) => (ok === undefined ? 'not run' : ok ? 'met' : 'NOT met');
  const j = by['jsonl-100k'];
  t.push({ target: `JSONL 100k: audit/bare ≤ ${TARGETS.jsonl100kRatio.toFixed(1)}`, measured: j ? fmtRatio(j.ratio) : '—', status: status(j ? j.ratio !== undefined && j.ratio <= TARGETS.jsonl100kRatio : undefined) });
  t.push({ target: `JSONL 100k: audit peak ≤ ${TARGETS.jsonl100kPeakMB} MB`, measured: j ? `${fmtMB(j.auditPeak)} MB` : '—', status: status(j ? j.auditPeak !== undefined && j.auditMs !== undefined && j.auditPeak <= TARGETS.jsonl100kPeakMB * MB : undefined) });
  const x = by['xlsx-20k'];
  t.push({ target: `XLSX 20k: audit/bare ≤ ${TARGETS.xlsx20kRatio}`, measured: x ? fmtRatio(x.ratio) : '—', status: status(x ? x.ratio !== undefined && x.ratio <= TARGETS.xlsx20kRatio : undefined) });
  const b = by['xlsx-150k'];
  t.push({
    target: 'XLSX 150k (--big): completes, every sheet read, audit peak ≤ 1 GB',
    measured: b ? `${b.auditMs !== undefined ? 'completed' : 'failed'}${b.check.complete ? ', all read' : `, ${b.check.problems[0] ?? 'incomplete'}`}, ${fmtMB(b.auditPeak)} MB` : '—',
    status: status(b ? b.auditMs !== undefined && b.check.complete && b.auditPeak !== undefined && b.auditPeak <= TARGETS.xlsx150kPeakMB * MB : undefined),
  });
  t.push({ target: `--help ≤ ${TARGETS.helpMs} ms`, measured: `${fmtInt(help.median)} ms`, status: status(help.median <= TARGETS.helpMs) });
  if (a.quick) for (const row of t.slice(0, 3)) if (row.status === 'not run') row.status = 'not run (--quick)';
  return t;
}

function table(headers, rows, align) {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function render(results, help, targets, ctx) {
  const main = table(
    ['dataset', 'guides', 'file MB', 'bare ms', 'audit ms', 'guides/s (audit)', 'audit/bare', 'peak MB bare', 'peak MB audit', 'all read', 'findings'],
    results.map((r) => [
      r.name, fmtInt(r.guides), (r.bytes / 1e6).toFixed(0), fmtInt(r.bareMs), r.auditMs !== undefined ? fmtInt(r.auditMs) : `failed (${r.auditExit.join('/')})`,
      fmtInt(r.guidesPerSec), fmtRatio(r.ratio), fmtMB(r.barePeak), fmtMB(r.auditPeak),
      r.check.complete && !r.bareProblems.length ? 'yes' : 'NO',
      r.check.findings !== undefined ? `${fmtInt(r.check.findings)} (${((100 * r.check.guidesWithFindings) / r.check.audited).toFixed(0)}% of guides)` : '—',
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
  );
  const tgt = table(['target', 'measured', 'status'], targets.map((t) => [t.target, t.measured, t.status]), ['l', 'l', 'l']);
  return { main, tgt };
}

function markdown(results, help, targets, ctx, profiles) {
  const { main, tgt } = render(results, help, targets, ctx);
  const m = ctx.machine;
  const out = [];
  out.push('# guide-audit benchmark results', '');
  out.push(`Command: \`${ctx.command}\``, '');
  out.push(`- Machine: ${m.cpu}, ${m.memory} RAM, ${m.os}`);
  out.push(`- Node.js ${m.node}; date ${m.date}; load average ${ctx.loadBefore} before the runs, ${m.load} after (1/5/15 min; the benchmark itself keeps about one CPU busy, so values well above 1 on ${os.cpus().length} CPUs mean other work was competing)`);
  out.push(`- Data: ${ctx.out} (generator version ${ctx.generatorVersion}); each figure is a fresh process, median wall time of ${ctx.repeat} runs (spawn → exit), bare and audit alternating, after one untimed read of the file (page cache); peak = largest maxRSS of those runs`);
  out.push(`- Engine measured: ${ctx.build}`);
  out.push(`- Audit: \`node bin/guide-audit.js <file> -f json -o <tmp>/report.json${ctx.jobsArgs.length ? ' ' + ctx.jobsArgs.join(' ') : ''}\` (via bench/measure-child.mjs → runCli)`);
  if (ctx.jobsNote) out.push(`- ${ctx.jobsNote}`);
  out.push('', main, '', `\`guide-audit --help\`: median ${fmtInt(help.median)} ms of 5 (runs: ${help.runs.map(fmtInt).join(', ')} ms)`, '', '## Targets', '', tgt, '');
  out.push('## Details', '');
  for (const r of results) {
    const parts = [`bare runs ${r.bareRuns.map(fmtInt).join(' / ')} ms (work alone ${fmtInt(r.bareWorkMs)} ms)`, `audit runs ${r.auditRuns.map(fmtInt).join(' / ')} ms (work alone ${fmtInt(r.auditWorkMs)} ms)`];
    if (r.check.reportBytes) parts.push(`report.json ${(r.check.reportBytes / 1e6).toFixed(1)} MB`);
    if (r.check.problems?.length) parts.push(`audit check: ${r.check.problems.join('; ')}`);
    if (r.bareProblems.length) parts.push(`bare check: ${r.bareProblems.join('; ')}`);
    if (r.auditFailure) parts.push(`audit failed: ${r.auditFailure.replace(/\n/g, ' ⏎ ').slice(0, 400)}`);
    if (r.treeSeen) parts.push('the audit started child processes: its peak includes their sampled RSS');
    out.push(`- **${r.name}**: ${parts.join('; ')}`);
  }
  if (profiles.length) {
    out.push('', '## Where the audit time goes (node --cpu-prof, self time)', '');
    for (const p of profiles) {
      if (p.error) {
        out.push(`### ${p.dataset}`, '', p.error, '');
        continue;
      }
      out.push(`### ${p.dataset} (profiled run ${fmtInt(p.wall)} ms, ${fmtInt(p.totalMs)} ms sampled on the main thread)`, '');
      out.push('Time by phase:', '', table(['ms', '%', 'phase'], p.phases.map((f) => [fmtInt(f.ms), f.pct.toFixed(1), f.phase]), ['r', 'r', 'l']), '');
      out.push('Functions with the most self time:', '');
      out.push(table(['self ms', '%', 'function', 'where'], p.functions.map((f) => [fmtInt(f.ms), f.pct.toFixed(1), `\`${f.fn}\``, f.where || '(native)']), ['r', 'r', 'l', 'l']), '');
      out.push('Self time by file / package:', '', table(['self ms', '%', 'file'], p.files.map((f) => [fmtInt(f.ms), f.pct.toFixed(1), f.file]), ['r', 'r', 'l']), '');
      out.push('Inclusive time of guide-audit modules (a sample counts for every module on its stack):', '', table(['incl. ms', '%', 'module'], p.inclusive.map((f) => [fmtInt(f.ms), f.pct.toFixed(1), f.file]), ['r', 'r', 'l']), '');
    }
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  const a = parseArgs(argv);
  checkOutDir(a.out);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (or `npm run bench`)');
  const names = datasetNames(a);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-audit-bench-run-'));
  console.log(`guide-audit benchmark — ${names.join(', ')}`);
  console.log('data:');
  const manifests = ensureData(names, a);
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const build = buildId();

  let jobsArgs = [];
  let jobsNote = '';
  if (a.jobs !== undefined) {
    const p = await probeJobs(a.jobs, runDir, manifests);
    if (p.ok) {
      jobsArgs = ['--jobs', String(a.jobs)];
      jobsNote = `--jobs ${a.jobs} passed to the audit`;
    } else {
      jobsNote = `--jobs ${a.jobs} was rejected by the CLI (${p.message.split('\n')[0]}); measured without it`;
      console.log(`note: ${jobsNote}`);
    }
  }

  console.log('--help:');
  const help = await timeHelp();
  console.log(`  median ${fmtInt(help.median)} ms (${help.runs.map(fmtInt).join(', ')})`);

  console.log('runs:');
  const results = [];
  for (const name of names) results.push(await measureDataset(name, manifests[name], a, runDir, jobsArgs));

  const profiles = [];
  if (a.profile) {
    console.log('profiling:');
    for (const fmt of ['jsonl', 'xlsx']) {
      // The biggest dataset of the format that completed (a crashed one would profile the crash).
      const r = results.filter((x) => x.format === fmt && x.auditMs !== undefined).sort((p, q) => q.guides - p.guides)[0];
      if (!r) continue;
      process.stdout.write(`  ${r.name} … `);
      const p = await profileAudit(manifests[r.name], runDir, jobsArgs);
      profiles.push(p);
      console.log(p.error ?? `${fmtInt(p.wall)} ms, profile ${p.file}`);
    }
  }

  const targets = evaluateTargets(results, help, a);
  const ctx = { machine: machine(), build, loadBefore, command: command(argv), out: a.out, repeat: a.repeat, jobsArgs, jobsNote, generatorVersion: Object.values(manifests)[0]?.generatorVersion };
  const { main: mainTable, tgt } = render(results, help, targets, ctx);
  console.log('\n' + mainTable + '\n');
  console.log(`guide-audit --help: median ${fmtInt(help.median)} ms of 5\n`);
  console.log(tgt + '\n');
  for (const r of results) {
    if (r.check.problems?.length) console.log(`${r.name}: ${r.check.problems.join('; ')}`);
    if (r.bareProblems.length) console.log(`${r.name} (bare): ${r.bareProblems.join('; ')}`);
    if (r.auditFailure) console.log(`${r.name}: audit failed: ${r.auditFailure}`);
  }
  for (const p of profiles) {
    if (p.error) continue;
    console.log(`time by phase — ${p.dataset}:`);
    for (const f of p.phases) console.log(`  ${f.pct.toFixed(1).padStart(5)}%  ${fmtInt(f.ms).padStart(7)} ms  ${f.phase}`);
    console.log(`top functions (self time) — ${p.dataset}:`);
    for (const f of p.functions.slice(0, 10)) console.log(`  ${f.pct.toFixed(1).padStart(5)}%  ${fmtInt(f.ms).padStart(7)} ms  ${f.fn}  ${f.where}`);
    console.log(`inclusive time of guide-audit modules — ${p.dataset}:`);
    for (const f of p.inclusive.slice(0, 10)) console.log(`  ${f.pct.toFixed(1).padStart(5)}%  ${fmtInt(f.ms).padStart(7)} ms  ${f.file}`);
  }
  fs.writeFileSync(a.results, markdown(results, help, targets, ctx, profiles));
  console.log(`\nwritten: ${path.relative(process.cwd(), a.results) || a.results}; reports and profiles in ${runDir}`);
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exitCode = 2;
});
