// Every output format: a pure function from the report to text or bytes. The CLI picks by name.
import type { Report } from '../report.js';
import { renderGithubAnnotations } from './github.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdownSummary } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderStylish } from './stylish.js';

// Keep in step with FORMAT_NAMES in cli.ts (which must not import the reporters to stay light).
export const FORMATS = ['stylish', 'json', 'html', 'sarif', 'junit', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  quiet?: boolean;
}

export function render(format: Format, report: Report, opts: RenderOptions): string {
  switch (format) {
    case 'stylish':
      return renderStylish(report, opts);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'github':
      return renderGithubAnnotations(report);
    case 'markdown':
      return renderMarkdownSummary(report);
  }
}

/** The same text as `render`, in pieces where a format can give them (JSON: a finding at a time). */
export function renderChunks(format: Format, report: Report, opts: RenderOptions): Iterable<string> {
  return format === 'json' ? renderJsonChunks(report) : [render(format, report, opts)];
}

/** What `--out-dir` writes besides the 整改清单 folder: file name → format. */
export const OUT_DIR_FILES: [string, Format][] = [
  ['report.json', 'json'],
  ['report.html', 'html'],
  ['summary.md', 'markdown'],
  ['report.sarif', 'sarif'],
  ['junit.xml', 'junit'],
];
export const WORKBOOK_DIR = '整改清单';
