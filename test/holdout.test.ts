// The independent hold-out sets (written from the spec alone, without the rule code) as a regression
// guard: every planted defect is found and no clean value is flagged. `npm run measure` prints figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';
import { loadConfig } from '../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Case { file: string; code: string | null; name: string; indicator: string; expected: string; why: string }
interface Key { config?: string; catalog?: string; cases: Case[] }

async function compare(dir: string) {
  const key = JSON.parse(readFileSync(path.join(dir, 'answer-key.json'), 'utf8')) as Key;
  const config = key.config ? await loadConfig(path.join(dir, key.config)) : {};
  const report = await audit(['exports'], { cwd: dir, config, ...(key.catalog ? { catalog: key.catalog } : {}) });
  const failed = new Set(report.findings.map((f) => `${f.location.file}|${f.guide.code ?? f.guide.name}|${f.indicator}`));
  const wrong: string[] = [];
  let checked = 0;
  for (const c of key.cases) {
    if (c.expected !== 'fail' && c.expected !== 'pass') continue;
    checked++;
    const got = failed.has(`${c.file}|${c.code ?? c.name}|${c.indicator}`);
    if (got !== (c.expected === 'fail')) wrong.push(`${c.expected === 'fail' ? '漏报' : '误报'} ${c.indicator} ${c.file} ${c.code ?? c.name}：${c.why}`);
  }
  return { checked, wrong, report };
}

for (const name of ['holdout', 'holdout-l3', 'holdout-xguide', 'holdout-forms']) {
  const dir = path.join(ROOT, 'fixtures', name);
  describe.runIf(existsSync(path.join(dir, 'answer-key.json')))(`fixtures/${name}`, () => {
    it('finds every planted defect and flags no clean value', async () => {
      const { checked, wrong, report } = await compare(dir);
      expect(checked).toBeGreaterThan(150);
      expect(report.summary.guides).toBeGreaterThan(30);
      expect(wrong).toEqual([]);
    });
  });
}
