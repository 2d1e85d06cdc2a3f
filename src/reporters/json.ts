import type { Report } from '../report.js';

/** The JSON contract, pretty-printed with a trailing newline. */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
