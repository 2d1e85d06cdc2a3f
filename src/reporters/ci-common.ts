// Text shared by the CI reporters (SARIF, JUnit, GitHub annotations, Markdown summary).
import type { Finding, Report } from '../report.js';
import { positionText } from './location.js';

export const SEVERITY_TEXT = { error: '错误', warning: '警告' } as const;

export const fmtScore = (s: number | null): string => (s === null ? '—' : s.toFixed(1));

/** "73.3（中）", or "—" when there is no score. */
export const scoreWithBand = (score: number | null, band: string | null): string =>
  score === null ? '—' : `${fmtScore(score)}（${band ?? '—'}）`;

/** The finding's message followed by its suggestion, as one sentence pair. */
export function findingText(f: Pick<Finding, 'message' | 'suggestion'>): string {
  if (!f.suggestion) return f.message;
  const sep = /[。！？.!?]$/.test(f.message) ? '' : '。';
  return `${f.message}${sep}建议：${f.suggestion}`;
}

/** Sheet/row/line/record, then the material or step: where a person looks for the value. */
export function whereText(loc: Finding['location']): string {
  const where = [
    positionText(loc),
    loc.material ? `材料${loc.material.index}“${loc.material.name ?? ''}”` : '',
    loc.step ? `环节${loc.step.index}“${loc.step.name ?? ''}”` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return loc.field ? `${where}（${loc.field}）` : where;
}

/** Line breaks to single spaces: for names and titles shown on one line. */
export const oneLine = (s: string): string => s.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').trim();

/**
 * Identity of a guide within the report: file, code, name and department (several 业务办理项 can
 * share one 实施编码). Not the row: a material's or step's finding points at its own row.
 */
export function guideKey(f: Pick<Finding, 'guide' | 'location'>): string {
  return [f.location.file, f.guide.code ?? '', f.guide.name ?? '', f.guide.department ?? ''].join('\u0000');
}

/** The department group a finding's guide is scored in (engine: trimmed 实施主体, else the unknown bucket). */
export { departmentOf, UNKNOWN_DEPARTMENT } from '../report.js';

/** Findings, then suppressed findings (when present), in report order. */
export function allFindings(report: Report): Finding[] {
  return [...report.findings, ...(report.suppressions?.suppressed ?? [])];
}

/** Lone surrogates would make encodeURIComponent throw and are never meaningful: replace them. */
export const wellFormed = (s: string): string =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
