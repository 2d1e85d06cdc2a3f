import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { renderRuleDoc } from '../src/rule-docs.js';
import { renderReportSchema } from '../src/report.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('rule registry and generated docs', () => {
  it('ids are unique kebab-case and name their module file', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(path.join(ROOT, 'rules', `${id}.ts`)), id).toBe(true);
      expect(existsSync(path.join(ROOT, 'rules', `${id}.test.ts`)), id).toBe(true);
    }
  });

  it('every indicator name is used by one rule only', () => {
    const names = RULES.map((r) => r.meta.indicator);
    expect(new Set(names).size).toBe(names.length);
  });

  it('docs/rules/<id>.md is up to date (npm run docs)', () => {
    for (const rule of RULES) {
      const file = path.join(ROOT, 'docs/rules', `${rule.meta.id}.md`);
      expect(existsSync(file), `${file} missing: run npm run docs`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${rule.meta.id}.md is stale: run npm run docs`).toBe(renderRuleDoc(rule));
    }
  });

  it('docs/report.schema.json is up to date (npm run docs)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/report.schema.json'), 'utf8')).toBe(renderReportSchema());
  });
});
