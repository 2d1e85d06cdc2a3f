// Measures the rules against an export set with an answer key written independently of the rule code.
// Usage: node scripts/measure.mjs [fixtures/holdout] — prints recall and precision per indicator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { audit } from '../dist/src/engine.js';

const dir = process.argv[2] ?? 'fixtures/holdout';
const key = JSON.parse(readFileSync(path.join(dir, 'answer-key.json'), 'utf8'));
const { loadConfig } = await import('../dist/src/config.js');
const config = key.config ? await loadConfig(path.join(dir, key.config)) : {};
const report = await audit(['exports'], { cwd: dir, config, ...(key.catalog ? { catalog: key.catalog } : {}) });
const norm = (f) => f.split(path.sep).join('/');

// A guide fails an indicator when it has at least one finding for it.
const failed = new Set();
const guideKey = (file, code, name) => `${norm(file)}|${code ?? ''}|${code ? '' : name ?? ''}`;
for (const f of report.findings) failed.add(`${guideKey(f.location.file, f.guide.code, f.guide.name)}|${f.indicator}`);

const per = new Map();
const misses = [];
const naFlagged = [];
for (const c of key.cases) {
  if (c.expected === 'n/a' && failed.has(`${guideKey(c.file, c.code, c.name)}|${c.indicator}`)) naFlagged.push(c);
  if (c.expected !== 'fail' && c.expected !== 'pass') continue;
  const got = failed.has(`${guideKey(c.file, c.code, c.name)}|${c.indicator}`);
  const s = per.get(c.indicator) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  if (c.expected === 'fail' && got) s.tp++;
  else if (c.expected === 'fail') { s.fn++; misses.push({ kind: 'missed', ...c }); }
  else if (got) { s.fp++; misses.push({ kind: 'false alarm', ...c }); }
  else s.tn++;
  per.set(c.indicator, s);
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : '—');
console.log(`guides audited: ${report.summary.guides}, load errors: ${report.summary.loadErrors}, skipped: ${report.summary.skipped}`);
console.log('| indicator | fail cases | pass cases | recall | precision | missed | false alarms | applicable (key / tool) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let T = { tp: 0, fp: 0, fn: 0, tn: 0 };
for (const [ind, s] of per) {
  // The denominator: cases the key holds applicable against the tool's own count.
  const toolApplicable = report.scores.indicators[ind]?.applicable ?? 0;
  console.log(`| ${ind} | ${s.tp + s.fn} | ${s.fp + s.tn} | ${pct(s.tp, s.tp + s.fn)} | ${pct(s.tp, s.tp + s.fp)} | ${s.fn} | ${s.fp} | ${s.tp + s.fn + s.fp + s.tn} / ${toolApplicable} |`);
  for (const k of Object.keys(T)) T[k] += s[k];
}
console.log(`| **all** | ${T.tp + T.fn} | ${T.fp + T.tn} | ${pct(T.tp, T.tp + T.fn)} | ${pct(T.tp, T.tp + T.fp)} | ${T.fn} | ${T.fp} | |`);
console.log(`\nkey says n/a but the tool reported a finding: ${naFlagged.length}`);
for (const c of naFlagged) console.log(`  ${c.indicator} — ${c.file} ${c.code ?? c.name}: ${c.why}`);
if (process.argv.includes('--details')) {
  for (const m of misses) {
    const fs = report.findings.filter((f) => f.indicator === m.indicator && norm(f.location.file) === m.file && (f.guide.code ?? null) === (m.code ?? null));
    console.log(`\n[${m.kind}] ${m.indicator} — ${m.file} ${m.code ?? m.name}\n  key: ${m.why}\n  tool: ${fs.map((f) => f.message).join(' / ') || '(no finding)'}`);
  }
}
