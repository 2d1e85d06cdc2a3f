// JUnit XML (GitLab, Jenkins, Azure DevOps test views): one <testsuite> per export file, one
// <testcase> per guide with findings. A guide fails on an error-severity finding; warnings are output.
import type { Finding, Report } from '../report.js';
import { departmentOf, findingText, guideKey, oneLine, scoreWithBand, SEVERITY_TEXT, whereText } from './ci-common.js';
import { guideTitle, positionText } from './location.js';

// Characters XML 1.0 cannot carry at all, even as character references: dropped.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A raw CR would be read back as LF.
    .replace(/\r/g, '&#13;');
}

export function xmlAttr(s: string): string {
  // Attribute-value normalisation turns raw tabs and line breaks into spaces: keep them as references.
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

interface Case {
  name: string;
  classname: string;
  file: string;
  /** Inner XML: <failure>, <error>, <skipped>, <system-out>. */
  body: string[];
  failed: boolean;
  errored: boolean;
  skipped: boolean;
}

const line = (f: Finding) => {
  const where = whereText(f.location);
  return `[${f.indicator} ${f.ruleId}]${where ? ' ' + where : ''}：${findingText(f)}`;
};

function guideCase(list: Finding[]): Case {
  const f0 = list[0]!;
  const errors = list.filter((f) => f.severity === 'error');
  const warnings = list.filter((f) => f.severity === 'warning');
  const body: string[] = [];
  if (errors.length) {
    const first = oneLine(errors[0]!.message);
    const message = errors.length === 1 ? first : `${errors.length} 个错误：${first} 等`;
    body.push(`<failure${attrs({ message, type: 'error' })}>${xmlText(errors.map(line).join('\n'))}</failure>`);
  }
  if (warnings.length) body.push(`<system-out>${xmlText(warnings.map((f) => `${SEVERITY_TEXT.warning} ${line(f)}`).join('\n'))}</system-out>`);
  return {
    name: oneLine(guideTitle(f0.guide)),
    classname: oneLine(f0.guide.department?.trim() || f0.location.file),
    file: f0.location.file,
    body,
    failed: errors.length > 0,
    errored: false,
    skipped: false,
  };
}

/**
 * Passing testcases for the guides without findings. The report lists findings, not guides, and
 * has no per-file guide counts, so they cannot go into their files' suites; per department they
 * can (department guide counts minus its guides with findings). If those counts do not add up to
 * the summary's (duplicate guide identities), one testcase carries the total instead.
 */
function passingCases(report: Report): Case[] {
  const total = Math.max(0, report.summary.guides - report.summary.guidesWithFindings);
  if (total === 0) return [];
  const withFindings = new Map<string, Set<string>>();
  for (const f of report.findings) {
    const d = departmentOf(f);
    (withFindings.get(d) ?? withFindings.set(d, new Set()).get(d)!).add(guideKey(f));
  }
  const perDept = report.scores.departments.map((d) => ({ department: d.department, passed: d.guides - (withFindings.get(d.department)?.size ?? 0) }));
  const consistent = perDept.every((d) => d.passed >= 0) && perDept.reduce((a, d) => a + d.passed, 0) === total;
  const make = (name: string, classname: string): Case => ({ name, classname, file: '', body: [], failed: false, errored: false, skipped: false });
  if (!consistent) return [make(`其余 ${total} 个事项未发现问题`, 'guide-audit')];
  return perDept
    .filter((d) => d.passed > 0)
    .map((d) => make(`${d.passed} 个事项未发现问题`, oneLine(d.department)));
}

function suiteXml(name: string, cases: Case[], indent = '  '): string {
  const count = (p: (c: Case) => boolean) => cases.filter(p).length;
  const head = `${indent}<testsuite${attrs({ name, tests: cases.length, failures: count((c) => c.failed), errors: count((c) => c.errored), skipped: count((c) => c.skipped) })}>`;
  const body = cases.map((c) => {
    const open = `${indent}  <testcase${attrs({ name: c.name, classname: c.classname, file: c.file || undefined })}`;
    return c.body.length ? `${open}>\n${c.body.map((b) => `${indent}    ${b}`).join('\n')}\n${indent}  </testcase>` : `${open}/>`;
  });
  return [head, ...body, `${indent}</testsuite>`].join('\n');
}

export function renderJunit(report: Report): string {
  // Suites per file, in code-unit order; within a file, guides in report (row) order.
  const byFile = new Map<string, { guides: Map<string, Finding[]>; extra: Case[] }>();
  const fileEntry = (file: string) => byFile.get(file) ?? byFile.set(file, { guides: new Map(), extra: [] }).get(file)!;
  for (const f of report.findings) {
    const guides = fileEntry(f.location.file).guides;
    const k = guideKey(f);
    (guides.get(k) ?? guides.set(k, []).get(k)!).push(f);
  }
  for (const e of report.loadErrors) {
    const pos = positionText(e);
    fileEntry(e.file).extra.push({
      name: `读取错误${pos ? ' ' + pos : ''}`, classname: oneLine(e.file), file: e.file,
      body: [`<error${attrs({ message: oneLine(e.message), type: 'loadError' })}>${xmlText(e.message)}</error>`],
      failed: false, errored: true, skipped: false,
    });
  }
  for (const s of report.skipped) {
    fileEntry(s.file).extra.push({
      name: s.count !== undefined ? `已跳过 ${s.count} 个事项` : '已跳过', classname: oneLine(s.file), file: s.file,
      body: [`<skipped${attrs({ message: oneLine(s.reason) })}/>`],
      failed: false, errored: false, skipped: true,
    });
  }

  const suites: { name: string; cases: Case[] }[] = [...byFile.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((file) => {
      const e = byFile.get(file)!;
      return { name: file, cases: [...[...e.guides.values()].map(guideCase), ...e.extra] };
    });
  const passing = passingCases(report);
  if (passing.length) suites.push({ name: '未发现问题的事项', cases: passing });

  const all = suites.flatMap((s) => s.cases);
  const count = (p: (c: Case) => boolean) => all.filter(p).length;
  const name = `guide-audit 办事指南审核：办事指南准确度 ${scoreWithBand(report.scores.overall, report.scores.band)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, tests: all.length, failures: count((c) => c.failed), errors: count((c) => c.errored), skipped: count((c) => c.skipped) })}>`,
    ...suites.map((s) => suiteXml(s.name, s.cases)),
    '</testsuites>',
    '',
  ].join('\n');
}
