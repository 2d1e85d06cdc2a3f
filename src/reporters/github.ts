// GitHub Actions workflow commands: one ::error/::warning annotation per finding and load error,
// then a ::notice summary. Every line is a command, so the output can go straight to stdout.
import type { Finding, Report } from '../report.js';
import { findingText, fmtScore, scoreWithBand, whereText } from './ci-common.js';
import { guideTitle, positionText } from './location.js';

/** GitHub shows at most this many annotations of each of error and warning per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** Message part of a command (@actions/core escapeData). */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Property value of a command (@actions/core escapeProperty): `:` and `,` delimit properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

const STATUS = { new: '（新增）', unchanged: '（仍未整改）' } as const;

function findingLine(f: Finding): string {
  const where = whereText(f.location);
  // A workbook row is not visible in GitHub's file view: name the guide and the position in the text.
  const message = `${f.status ? STATUS[f.status] : ''}${guideTitle(f.guide)}${where ? ' ' + where : ''}：${findingText(f)}`;
  return command(f.severity === 'error' ? 'error' : 'warning', {
    file: f.location.file,
    // A JSON array record has an index, not a line: no line rather than a wrong one.
    line: f.location.row ?? f.location.line,
    title: `${f.indicator} [${f.ruleId}]`,
  }, message);
}

export function renderGithubAnnotations(report: Report): string {
  const lines = report.findings.map(findingLine);
  for (const e of report.loadErrors) {
    const pos = positionText(e);
    lines.push(command('error', { file: e.file, line: e.row ?? e.line, title: '读取错误' }, `${pos ? pos + '：' : ''}${e.message}`));
  }
  const s = report.summary;
  const errorAnnotations = s.errors + report.loadErrors.length;
  const parts = [
    `共审核 ${s.files} 个文件、${s.guides} 个事项，${s.guidesWithFindings} 个事项有问题，${s.findings} 个问题（${s.errors} 个错误，${s.warnings} 个警告）`,
    ...(report.loadErrors.length ? [`${report.loadErrors.length} 个读取错误`] : []),
    ...(report.suppressions ? [`已忽略 ${report.suppressions.suppressed.length} 个`] : []),
    ...(report.baseline ? [`新增 ${report.baseline.tracking.new} 个、仍未整改 ${report.baseline.tracking.unchanged} 个、已整改 ${report.baseline.tracking.fixed} 个`] : []),
  ];
  let summary = `${parts.join('，')}。办事指南准确度：${scoreWithBand(report.scores.overall, report.scores.band)}；行政许可事项：${fmtScore(report.scores.permitOnly.overall)}（${report.scores.permitOnly.band ?? '—'}）。`;
  if (errorAnnotations > GITHUB_ANNOTATION_LIMIT || s.warnings > GITHUB_ANNOTATION_LIMIT) {
    summary += `GitHub 每个步骤只显示前 ${GITHUB_ANNOTATION_LIMIT} 个错误和 ${GITHUB_ANNOTATION_LIMIT} 个警告注释，完整列表见本步骤日志。`;
  }
  lines.push(command('notice', { title: 'guide-audit 审核结果' }, summary));
  return lines.join('\n') + '\n';
}
