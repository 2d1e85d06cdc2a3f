// Programmatic API: `audit(paths, options)` → the report object of REPORT-JSON.md.
export { audit, resolveRules, type AuditOptions } from './engine.js';
export { runCli, exitCodeFor } from './cli.js';
export { loadConfig, ConfigSchema, type Config } from './config.js';
export { ReportSchema, type Report, type Finding } from './report.js';
export { GuideSchema, type Guide } from './model.js';
export { renderJson } from './reporters/json.js';
export { renderStylish } from './reporters/stylish.js';
export { RULES } from '../rules/index.js';
export type { GuideRule, SetRule, RuleMeta, RuleFinding } from './rule.js';
export { diff, diffExitCode, type DiffOptions } from './diff/index.js';
export { DiffReportSchema, type DiffReport, type DiffFinding } from './diff-report.js';
export { loadCancelled, type CancelledList, type CancelledEntry } from './cancelled.js';
