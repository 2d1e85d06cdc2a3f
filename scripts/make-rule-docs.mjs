// Writes docs/rules/<id>.md for every registered rule (run after the build: npm run docs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';
import { renderRuleDoc } from '../dist/src/rule-docs.js';
import { renderReportSchema } from '../dist/src/report.js';
import { renderDiffReportSchema } from '../dist/src/diff-report.js';

const dir = new URL('../docs/rules/', import.meta.url);
mkdirSync(dir, { recursive: true });
const index = ['# 规则', '', '| 规则 ID | 指标 | 检查内容 |', '| --- | --- | --- |'];
for (const rule of RULES) {
  writeFileSync(new URL(`${rule.meta.id}.md`, dir), renderRuleDoc(rule));
  index.push(`| [${rule.meta.id}](${rule.meta.id}.md) | ${rule.meta.indicator} | ${rule.meta.description} |`);
}
writeFileSync(new URL('README.md', dir), index.join('\n') + '\n');
console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
writeFileSync(new URL('../docs/report.schema.json', import.meta.url), renderReportSchema());
console.log('wrote docs/report.schema.json');
writeFileSync(new URL('../docs/diff-report.schema.json', import.meta.url), renderDiffReportSchema());
console.log('wrote docs/diff-report.schema.json');
