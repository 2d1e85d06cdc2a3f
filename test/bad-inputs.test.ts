// Broken and hostile inputs (fixtures/bad, built by fixtures/bad/make-bad.mjs), judged by public
// behaviour only: the built binary's exit code, stderr and JSON report, and the audit() API.
// Expectations live in fixtures/bad/expected.json (written from README.md and the specs).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/guide-audit.js');
const BAD = path.join(ROOT, 'fixtures/bad');
const FILES = path.join(BAD, 'files');
const GiB_KB = 1024 * 1024; // process.resourceUsage().maxRSS is in kilobytes

// ---- expectations ------------------------------------------------------------------------------

interface PartialFinding {
  ruleId?: string;
  messageId?: string;
  location?: Record<string, unknown>;
  guide?: Record<string, unknown>;
  valueIncludes?: string;
}
interface Expectation {
  file: string;
  expect: 'loadError' | 'skipped' | 'audited';
  generated?: boolean;
  messageIncludes?: string[];
  line?: number;
  guides?: number;
  findings?: PartialFinding[];
  noFindings?: PartialFinding[];
  departments?: Record<string, number>;
  sameFindingsAs?: string;
  sameRulesAsLine?: Record<string, number>;
  why: string;
}
const EXPECTED = (JSON.parse(readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as { files: Expectation[] }).files;
const COMMITTED = EXPECTED.filter((e) => !e.generated);
const GENERATED = EXPECTED.filter((e) => e.generated);

interface CorpusFile {
  file: string;
  data: Uint8Array;
}
interface Generator {
  corpus(): CorpusFile[];
  expectations(): { files: Expectation[] };
  writeGenerated(dir: string): string[];
}
// Importing the generator must not write anything (its writing sits behind a main-module guard).
const gen = (await import(pathToFileURL(path.join(BAD, 'make-bad.mjs')).href)) as Generator;

// ---- report shape (only what these tests read) -----------------------------------------------

interface Finding {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  guide: Record<string, unknown>;
  location: Record<string, unknown> & { file: string };
  value?: unknown;
}
interface Report {
  schemaVersion: number;
  summary: { guides: number; loadErrors: number; skipped: number };
  scores: { departments: { department: string; guides: number }[] };
  findings: Finding[];
  loadErrors: { file: string; line?: number; message: string }[];
  skipped: { file: string; reason: string }[];
}

// ---- running the binary ------------------------------------------------------------------------

const TMP = tempDir();
const CORPUS = path.join(TMP, 'corpus'); // copies of the committed files (per-file runs)
const GEN = path.join(TMP, 'gen'); // files built at test time (bombs, big files)
const HOOK = path.join(TMP, 'rss-hook.mjs');
writeFileSync(
  HOOK,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => { if (process.env.GA_RSS_OUT) writeFileSync(process.env.GA_RSS_OUT, String(process.resourceUsage().maxRSS)); });\n",
);
let runCount = 0;

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  maxRssKb: number;
  report?: Report;
}

/** node --max-old-space-size=1024 bin/guide-audit.js ARGS, with peak RSS recorded at exit. */
async function runBin(args: string[], cwd: string, timeout: number): Promise<Run> {
  const rssFile = path.join(TMP, `rss-${++runCount}.txt`);
  const argv = ['--max-old-space-size=1024', '--import', pathToFileURL(HOOK).href, BIN, ...args];
  const opts = { cwd, env: { ...process.env, NO_COLOR: '1', GA_RSS_OUT: rssFile }, maxBuffer: 512 << 20, timeout };
  let r: Run;
  try {
    const out = await exec(process.execPath, argv, opts);
    r = { code: 0, signal: null, stdout: out.stdout, stderr: out.stderr, maxRssKb: NaN };
  } catch (e) {
    const err = e as { code?: number | string; signal?: string | null; stdout?: string; stderr?: string };
    r = { code: typeof err.code === 'number' ? err.code : null, signal: err.signal ?? null, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e), maxRssKb: NaN };
  }
  if (existsSync(rssFile)) r.maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  try {
    r.report = JSON.parse(r.stdout) as Report;
  } catch {
    r.report = undefined;
  }
  return r;
}

const PER_FILE_TIMEOUT = 40_000;
const runs = new Map<string, Promise<Run>>();
/** One binary run over one corpus file (memoised: sameFindingsAs compares two runs). */
function runFile(e: Expectation): Promise<Run> {
  let p = runs.get(e.file);
  if (!p) {
    p = runBin([displayOf(e), '-f', 'json'], TMP, PER_FILE_TIMEOUT - 5_000);
    runs.set(e.file, p);
  }
  return p;
}
const displayOf = (e: Expectation) => (e.generated ? 'gen/' : 'corpus/') + e.file;

// ---- assertions ----------------------------------------------------------------------------------

const CJK = /[\u4e00-\u9fff]/;

/** stderr must never show a stack trace or a JS error class (an internal failure, not a load error). */
function expectNoCrash(x: typeof expect, r: Run, what: string) {
  x(r.signal, `${what}: killed by ${r.signal} (hang or crash); stderr: ${r.stderr.slice(0, 500)}`).toBeNull();
  x(r.stderr, `${what}: stack trace on stderr`).not.toMatch(/^\s+at .+/m);
  x(r.stderr, `${what}: JS error on stderr`).not.toMatch(/TypeError|RangeError|ReferenceError|Maximum call stack|heap out of memory|内部错误/);
  x(r.maxRssKb, `${what}: peak RSS (kB)`).toBeLessThan(GiB_KB);
}

function matches(f: Finding, p: PartialFinding): boolean {
  if (p.ruleId !== undefined && f.ruleId !== p.ruleId) return false;
  if (p.messageId !== undefined && f.messageId !== p.messageId) return false;
  for (const [k, v] of Object.entries(p.location ?? {})) if (f.location[k] !== v) return false;
  for (const [k, v] of Object.entries(p.guide ?? {})) if (f.guide[k] !== v) return false;
  if (p.valueIncludes !== undefined && !String(f.value ?? '').includes(p.valueIncludes)) return false;
  return true;
}
const brief = (f: Finding) => `${f.ruleId}/${f.messageId} ${JSON.stringify(f.location)} ${JSON.stringify(f.guide)} value=${JSON.stringify(String(f.value ?? '').slice(0, 60))}`;
const withoutFile = (f: Finding) => JSON.stringify({ ...f, location: { ...f.location, file: undefined } });

async function checkOutcome(x: typeof expect, e: Expectation) {
  const r = await runFile(e);
  const display = displayOf(e);
  expectNoCrash(x, r, e.file);
  x(r.report, `${e.file}: stdout is not a JSON report; exit ${r.code}; stderr: ${r.stderr.slice(0, 500)}`).toBeDefined();
  const rep = r.report!;
  x(rep.schemaVersion).toBe(1);
  const loadErrors = rep.loadErrors.filter((l) => l.file === display);
  const skipped = rep.skipped.filter((s) => s.file === display);

  if (e.expect === 'loadError') {
    x(r.code, `${e.file}: exit code (any load error → 2)`).toBe(2);
    x(loadErrors, `${e.file}: exactly one load error naming the file; report.loadErrors = ${JSON.stringify(rep.loadErrors)}`).toHaveLength(1);
    x(rep.loadErrors).toHaveLength(1);
    const le = loadErrors[0]!;
    x(le.message, `${e.file}: load error message in Chinese`).toMatch(CJK);
    if (e.line !== undefined) x(le.line, `${e.file}: load error line`).toBe(e.line);
    for (const want of e.messageIncludes ?? []) {
      const alts = want.split('|');
      x(alts.some((a) => le.message.includes(a)), `${e.file}: load error message ${JSON.stringify(le.message)} should contain ${alts.map((a) => `“${a}”`).join(' or ')}`).toBe(true);
    }
    const lines = r.stderr.split('\n').filter((l) => l.includes(display));
    x(lines.length, `${e.file}: stderr names the file; stderr: ${r.stderr}`).toBeGreaterThan(0);
    if (e.line !== undefined) {
      x(lines.some((l) => new RegExp(`第\\s*${e.line}\\s*行`).test(l)), `${e.file}: stderr names line ${e.line}; stderr: ${r.stderr}`).toBe(true);
    }
    x(skipped, `${e.file}: a load error is not "skipped"`).toEqual([]);
  } else if (e.expect === 'skipped') {
    x(r.code, `${e.file}: a run that finds no guide exits 2`).toBe(2);
    x(rep.loadErrors, `${e.file}: skipped, not a load error`).toEqual([]);
    x(skipped, `${e.file}: listed in report.skipped; report.skipped = ${JSON.stringify(rep.skipped)}`).toHaveLength(1);
    x(skipped[0]!.reason).toMatch(CJK);
  } else {
    x(rep.loadErrors, `${e.file}: audited without load errors`).toEqual([]);
    x(skipped, `${e.file}: audited, not skipped`).toEqual([]);
    x([0, 1], `${e.file}: exit code of a readable export; stderr: ${r.stderr.slice(0, 300)}`).toContain(r.code);
  }
  if (e.guides !== undefined) x(rep.summary.guides, `${e.file}: guides audited`).toBe(e.guides);

  const mine = rep.findings.filter((f) => f.location.file === display);
  x(mine).toHaveLength(rep.findings.length);
  for (const p of e.findings ?? []) {
    x(mine.some((f) => matches(f, p)), `${e.file}: expected a finding like ${JSON.stringify(p)}; got:\n${mine.map(brief).join('\n')}`).toBe(true);
  }
  for (const p of e.noFindings ?? []) {
    const bad = mine.filter((f) => matches(f, p));
    x(bad.map(brief), `${e.file}: no finding like ${JSON.stringify(p)}`).toEqual([]);
  }
  for (const [name, n] of Object.entries(e.departments ?? {})) {
    const d = rep.scores.departments.find((dep) => dep.department === name);
    x(d?.guides, `${e.file}: department “${name}” in scores.departments (${JSON.stringify(rep.scores.departments.map((dep) => [dep.department, dep.guides]))})`).toBe(n);
  }
  for (const [a, b] of Object.entries(e.sameRulesAsLine ?? {})) {
    const at = (line: number) => mine.filter((f) => f.location.line === line).map((f) => `${f.ruleId}/${f.messageId}`).sort();
    x(at(Number(a)), `${e.file}: line ${a} is audited like line ${b}`).toEqual(at(b));
  }
  if (e.sameFindingsAs) {
    const other = EXPECTED.find((o) => o.file === e.sameFindingsAs)!;
    const o = await runFile(other);
    x(o.report, `${other.file}: no report`).toBeDefined();
    x(mine.length, `${e.file}: has findings to compare`).toBeGreaterThan(0);
    x(mine.map(withoutFile), `${e.file}: same findings as ${other.file}`).toEqual(o.report!.findings.map(withoutFile));
  }
}

// ---- setup ------------------------------------------------------------------------------------------

const REL_FILES = path.relative(ROOT, FILES).split(path.sep).join('/');
let snapshotsBefore: [Record<string, string>, Record<string, string>];
let wholeRun: Promise<Run>;

beforeAll(() => {
  cpSync(FILES, CORPUS, { recursive: true });
  gen.writeGenerated(GEN);
  // The whole-corpus run (over the committed folder itself) starts now and runs alongside the
  // per-file runs; its checks are at the end of this file.
  snapshotsBefore = [snapshot(FILES), snapshot(GEN)];
  wholeRun = runBin([REL_FILES, GEN, '-f', 'json'], ROOT, 110_000);
}, 60_000);

// ---- the corpus itself ---------------------------------------------------------------------------------

describe('fixtures/bad corpus', () => {
  it('every committed file has an expectation and vice versa; the folder stays small', () => {
    const onDisk = readdirSync(FILES).sort();
    expect(onDisk).toEqual(COMMITTED.map((e) => e.file).sort());
    const bytes = onDisk.reduce((n, f) => n + readFileSync(path.join(FILES, f)).length, 0);
    expect(bytes).toBeLessThan(1 << 20);
    expect(GENERATED.map((e) => e.file).sort()).toEqual(['huge-field.json', 'large-legit.xlsx', 'zip-bomb-lying.xlsx', 'zip-bomb.xlsx']);
  });

  it('is what make-bad.mjs generates (deterministic, up to date)', () => {
    for (const f of gen.corpus()) {
      expect(Buffer.from(f.data).equals(readFileSync(path.join(FILES, f.file))), `${f.file} differs from make-bad.mjs output: run node fixtures/bad/make-bad.mjs`).toBe(true);
    }
    expect(gen.expectations()).toEqual(JSON.parse(readFileSync(path.join(BAD, 'expected.json'), 'utf8')));
  });
});

// ---- one binary run per file -----------------------------------------------------------------------

describe.concurrent('each committed bad input, run alone through the binary', () => {
  for (const e of COMMITTED) {
    it(`${e.file} → ${e.expect}`, async ({ expect: x }) => {
      await checkOutcome(x, e);
    }, PER_FILE_TIMEOUT);
  }
});

// Bombs and big files one at a time: a tool that inflates them must not take the machine with it.
describe('each generated big or bomb input, run alone through the binary', () => {
  for (const e of GENERATED) {
    it(`${e.file} → ${e.expect}`, async ({ expect: x }) => {
      await checkOutcome(x, e);
    }, PER_FILE_TIMEOUT);
  }
});

// ---- in-process: prototype pollution ------------------------------------------------------------------

describe('keys named __proto__ / constructor / prototype (audit() in this process)', () => {
  it('audits the guides and pollutes no prototype', async () => {
    const { audit } = await import('../src/engine.js');
    const names = (o: object) => Object.getOwnPropertyNames(o).sort();
    const before = [names(Object.prototype), names(Array.prototype), names(Function.prototype), names(String.prototype)];
    for (const file of ['proto-keys.json', 'proto-keys.csv']) {
      const e = EXPECTED.find((x) => x.file === file)!;
      const report = (await audit([path.join('corpus', file)], { cwd: TMP })) as unknown as Report;
      expect(report.loadErrors, file).toEqual([]);
      expect(report.summary.guides, file).toBe(e.guides);
      for (const [name, n] of Object.entries(e.departments ?? {})) {
        expect(report.scores.departments.find((d) => d.department === name)?.guides, `${file}: department ${name}`).toBe(n);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.create(null) as Record<string, unknown>).polluted).toBeUndefined();
    expect((function () {} as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect([names(Object.prototype), names(Array.prototype), names(Function.prototype), names(String.prototype)]).toEqual(before);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
  });
});

// ---- the whole corpus in one run: memory, stderr, read-only inputs --------------------------------------

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[rel] = 'link:' + readlinkSync(p);
      else if (st.isDirectory()) {
        out[rel + '/'] = 'dir';
        walk(p);
      } else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex') + ` ${st.size} ${st.mode.toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

describe('the whole corpus in one binary run', () => {
  let whole: Run;
  let before: [Record<string, string>, Record<string, string>];
  let after: [Record<string, string>, Record<string, string>];
  const displayWhole = (e: Expectation) => (e.generated ? path.join(GEN, e.file).split(path.sep).join('/') : `${REL_FILES}/${e.file}`);

  beforeAll(async () => {
    whole = await wholeRun;
    before = snapshotsBefore;
    after = [snapshot(FILES), snapshot(GEN)];
  }, 120_000);

  it('stays well under 1 GB of memory and never crashes', () => {
    expectNoCrash(expect, whole, 'whole corpus');
    expect(whole.maxRssKb, 'peak RSS was recorded').toBeGreaterThan(0);
    expect(whole.report, `no JSON report; stderr: ${whole.stderr.slice(0, 500)}`).toBeDefined();
  });

  it('exits 2 and names every unreadable file (with its line) on stderr; audits the rest', () => {
    expect(whole.code).toBe(2);
    const rep = whole.report!;
    const wantErr = EXPECTED.filter((e) => e.expect === 'loadError').map(displayWhole).sort();
    expect([...new Set(rep.loadErrors.map((l) => l.file))].sort()).toEqual(wantErr);
    expect(rep.skipped.map((s) => s.file).sort()).toEqual(expect.arrayContaining(EXPECTED.filter((e) => e.expect === 'skipped').map(displayWhole)));
    const audited = new Set(EXPECTED.filter((e) => e.expect === 'audited').map(displayWhole));
    expect(rep.skipped.filter((s) => audited.has(s.file))).toEqual([]);
    for (const e of EXPECTED.filter((x) => x.expect === 'loadError')) {
      const lines = whole.stderr.split('\n').filter((l) => l.includes(displayWhole(e)));
      expect(lines.length, `stderr names ${e.file}`).toBeGreaterThan(0);
      if (e.line !== undefined) expect(lines.some((l) => new RegExp(`第\\s*${e.line}\\s*行`).test(l)), `stderr names ${e.file} line ${e.line}`).toBe(true);
    }
    const minGuides = EXPECTED.reduce((n, e) => n + (e.guides ?? 0), 0);
    expect(rep.summary.guides).toBeGreaterThanOrEqual(minGuides);
  });

  it('treats inputs as read-only: nothing changed, nothing added', () => {
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual(before[1]);
    expect(Object.keys(before[0]).sort()).toEqual(COMMITTED.map((e) => e.file).sort());
  });
});
