// SARIF 2.1.0 (GitHub code scanning, GitLab, Azure DevOps): one run, every registered rule, one
// result per finding. Deterministic: nothing but the report goes in, no clock, no environment.
import { createHash } from 'node:crypto';
import { RULES } from '../../rules/index.js';
import type { Rule } from '../rule.js';
import type { Finding, Report, SuppressedFinding } from '../report.js';
import { trackingKey } from '../tracking.js';
import { findingText, wellFormed, whereText } from './ci-common.js';
import { guideTitle } from './location.js';

type Json = Record<string, unknown>;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our partial fingerprint; bump the version if the hashed identity ever changes. */
export const FINGERPRINT_KEY = 'guideAuditFinding/v1';

/** Relative paths resolve against SRCROOT (where guide-audit ran); absolute ones become file: URIs. */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const p = wellFormed(file).replace(/\\/g, '/');
  // Segment by segment, so `/` stays a separator while `#`, `?`, `%`, spaces and Chinese are encoded.
  const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(p)) return { uri: `file:///${p.slice(0, 2)}${enc(p.slice(2))}` };
  if (p.startsWith('/')) return { uri: `file://${enc(p)}` };
  return { uri: enc(p), uriBaseId: 'SRCROOT' };
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');

function ruleDescriptor(rule: Rule): Json {
  const m = rule.meta;
  const messages = Object.entries(m.messages);
  const text = [
    m.description,
    '',
    '可能的问题：',
    ...messages.flatMap(([id, t]) => [`- ${id}：${t}`, ...(m.suggestions?.[id] ? [`  建议：${m.suggestions[id]}`] : [])]),
    '',
    `说明文档：docs/rules/${m.id}.md；也可运行 guide-audit explain ${m.id}`,
  ].join('\n');
  const markdown = [
    `**${m.indicator}**（\`${m.id}\`）：${m.description}`,
    '',
    '| 消息 ID | 问题 | 整改建议 |',
    '| --- | --- | --- |',
    ...messages.map(([id, t]) => `| \`${id}\` | ${mdCell(t)} | ${mdCell(m.suggestions?.[id] ?? '')} |`),
    '',
    `说明文档：\`docs/rules/${m.id}.md\`；也可运行 \`guide-audit explain ${m.id}\`。`,
  ].join('\n');
  return {
    id: m.id,
    name: m.indicator,
    shortDescription: { text: m.description },
    fullDescription: {
      text: `${m.indicator}：${m.description}（评估指标体系第 ${m.section} 节；${m.scored ? '计入' : '不计入'}办事指南准确度指数）`,
    },
    help: { text, markdown },
    defaultConfiguration: { level: m.severity },
    properties: { indicator: m.indicator, section: m.section, scored: m.scored, tags: ['办事指南', m.indicator] },
  };
}

/** Where a finding or load error sits: artifact + line (Excel row, CSV/JSONL line); JSON index has none. */
function physicalLocation(
  loc: { file: string; row?: number; line?: number },
  artifactIndex: Map<string, number>,
): Json {
  const line = loc.row ?? loc.line;
  return {
    artifactLocation: { ...artifactUri(loc.file), index: artifactIndex.get(loc.file) },
    // SARIF lines are 1-based; anything else would make the whole log invalid.
    ...(line !== undefined && line >= 1 ? { region: { startLine: line } } : {}),
  };
}

function fingerprintOf(f: Finding, seen: Map<string, number>): string {
  // The tracking identity (guide, rule, message, field, material/step), not the row: a row moves
  // when the export is regenerated, the problem does not. The ordinal keeps equal findings apart.
  const key = trackingKey(f);
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return `${createHash('sha256').update(key).digest('hex')}:${n}`;
}

function resultOf(f: Finding | SuppressedFinding, ruleIndex: Map<string, number>, artifactIndex: Map<string, number>, seen: Map<string, number>): Json {
  const loc = f.location;
  const where = whereText(loc);
  const location: Json = { physicalLocation: physicalLocation(loc, artifactIndex) };
  if (loc.row === undefined && loc.line === undefined && loc.index !== undefined) {
    // A record of a JSON array has no line: name it logically (0-based, as in the report).
    location.logicalLocations = [{ name: `[${loc.index}]`, fullyQualifiedName: `[${loc.index}]`, kind: 'element' }];
  }
  const properties: Json = {
    indicator: f.indicator,
    messageId: f.messageId,
    guide: { ...f.guide },
    guideTitle: guideTitle(f.guide),
    ...(loc.sheet !== undefined ? { sheet: loc.sheet } : {}),
    ...(loc.row !== undefined ? { row: loc.row } : {}),
    ...(loc.line !== undefined ? { line: loc.line } : {}),
    ...(loc.index !== undefined ? { index: loc.index } : {}),
    ...(loc.field !== undefined ? { field: loc.field } : {}),
    ...(loc.material ? { material: { ...loc.material } } : {}),
    ...(loc.step ? { step: { ...loc.step } } : {}),
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(where ? { where } : {}),
  };
  const result: Json = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: f.severity,
    // The message as the report has it, then which guide: a workbook row cannot be opened in a code viewer.
    message: { text: `${findingText(f)}（${guideTitle(f.guide)}${where ? '，' + where : ''}）` },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f, seen) },
    properties,
  };
  if (f.status) result.baselineState = f.status;
  if ('reason' in f) result.suppressions = [{ kind: 'external', status: 'accepted', justification: f.reason }];
  return result;
}

export function renderSarif(report: Report): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const suppressed = report.suppressions?.suppressed ?? [];

  // Every file a result or notification points at, once, in code-unit order.
  const files = new Set<string>();
  for (const f of report.findings) files.add(f.location.file);
  for (const f of suppressed) files.add(f.location.file);
  for (const e of report.loadErrors) files.add(e.file);
  for (const s of report.skipped) files.add(s.file);
  const sortedFiles = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const artifactIndex = new Map(sortedFiles.map((f, i) => [f, i]));

  const seen = new Map<string, number>();
  const results = [
    ...report.findings.map((f) => resultOf(f, ruleIndex, artifactIndex, seen)),
    // Suppressed findings stay in the log, marked so: code scanning shows them as dismissed, not open.
    ...suppressed.map((f) => resultOf(f, ruleIndex, artifactIndex, seen)),
  ];

  const notifications: Json[] = [
    ...report.loadErrors.map((e) => ({
      level: 'error',
      message: { text: `无法读取：${e.message}` },
      descriptor: { id: 'load-error' },
      locations: [{ physicalLocation: physicalLocation(e, artifactIndex) }],
      ...(e.sheet !== undefined || e.index !== undefined ? { properties: { ...(e.sheet !== undefined ? { sheet: e.sheet } : {}), ...(e.index !== undefined ? { index: e.index } : {}) } } : {}),
    })),
    ...report.skipped.map((s) => ({
      level: 'note',
      message: { text: `已跳过：${s.reason}` },
      descriptor: { id: 'skipped' },
      locations: [{ physicalLocation: physicalLocation(s, artifactIndex) }],
    })),
    ...report.notices.map((n) => ({ level: 'note', message: { text: n }, descriptor: { id: 'notice' } })),
  ];

  // The run's severities may differ from the registry's (config, --rule): say so per rule.
  const active = new Map(report.rules.map((r) => [r.id, r]));
  const overrides: Json[] = [];
  RULES.forEach((r, index) => {
    const a = active.get(r.meta.id);
    if (!a) overrides.push({ descriptor: { id: r.meta.id, index }, configuration: { enabled: false } });
    else if (a.severity !== r.meta.severity) overrides.push({ descriptor: { id: r.meta.id, index }, configuration: { level: a.severity } });
  });

  const s = report.summary;
  const sc = report.scores;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'guide-audit',
            version: report.tool.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : undefined,
            rules: RULES.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: '运行 guide-audit 时的当前目录' } } },
        invocations: [
          {
            // Mirrors exit status 2: an input that could not be read, or no guide at all.
            executionSuccessful: report.loadErrors.length === 0 && s.guides > 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
            ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
          },
        ],
        artifacts: sortedFiles.map((f) => ({ location: artifactUri(f) })),
        results,
        columnKind: 'unicodeCodePoints',
        properties: {
          summary: { ...s },
          scores: {
            overall: sc.overall,
            band: sc.band,
            permitOnly: { ...sc.permitOnly },
          },
          ...(report.baseline ? { baseline: { file: report.baseline.file, tracking: { ...report.baseline.tracking } } } : {}),
          ...(report.suppressions ? { suppressions: { file: report.suppressions.file, suppressed: suppressed.length, unused: report.suppressions.unused.length } } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
