// Rectification tracking (`--baseline PREVIOUS.json`) and suppressions with a reason: pure
// functions applied to a finished report, so the API and the CLI share them.
import { z } from 'zod';
import { departmentOf, type Finding, type Report, type SuppressedFinding, type Tracking } from './report.js';

/** What identifies a finding across runs: the guide, the rule and message, the field, the material or step. */
export function trackingKey(f: Finding): string {
  const guide = f.guide.code ?? `${f.guide.name ?? ''}@${f.guide.department ?? ''}`;
  const m = f.location.material ? `m${f.location.material.index}:${f.location.material.name ?? ''}` : '';
  const s = f.location.step ? `s${f.location.step.index}:${f.location.step.name ?? ''}` : '';
  return [guide, f.ruleId, f.messageId, f.location.field ?? '', m, s].join('\u0000');
}

const emptyTracking = (): Tracking => ({ new: 0, unchanged: 0, fixed: 0 });

/** The part of a previous report that tracking needs; anything else in the file is ignored. */
export const BaselineSchema = z.object({
  findings: z.array(
    z.object({
      ruleId: z.string(), messageId: z.string(), indicator: z.string(), severity: z.enum(['error', 'warning']), message: z.string(),
      guide: z.object({ code: z.string().optional(), name: z.string().optional(), department: z.string().optional() }),
      location: z.object({ file: z.string() }).passthrough(),
    }).passthrough(),
  ),
});

/**
 * Mark each finding 新增 (new) or 仍未整改 (unchanged) against the baseline and list the baseline's
 * findings that are gone (已整改). Keys are counted, so two equal findings need two in the baseline.
 */
export function applyBaseline(report: Report, baseline: { findings: Finding[] }, file: string): Report {
  const remaining = new Map<string, Finding[]>();
  for (const f of baseline.findings) {
    const k = trackingKey(f);
    remaining.set(k, [...(remaining.get(k) ?? []), f]);
  }
  const perDept = new Map<string, Tracking>();
  const dept = (f: Finding) => {
    const name = departmentOf(f);
    return perDept.get(name) ?? perDept.set(name, emptyTracking()).get(name)!;
  };
  const total = emptyTracking();
  const findings = report.findings.map((f) => {
    const list = remaining.get(trackingKey(f));
    const status = list && list.length > 0 ? 'unchanged' : 'new';
    if (status === 'unchanged') list!.shift();
    total[status]++;
    dept(f)[status]++;
    return { ...f, status } as Finding;
  });
  const fixed = [...remaining.values()].flat().map((f) => {
    const { status: _s, ...rest } = f;
    return rest as Finding;
  });
  for (const f of fixed) {
    total.fixed++;
    dept(f).fixed++;
  }
  const departments = report.scores.departments.map((d) => ({ ...d, tracking: perDept.get(d.department) ?? emptyTracking() }));
  return { ...report, findings, scores: { ...report.scores, departments }, baseline: { file, tracking: total, fixed } };
}

export const SuppressionEntrySchema = z.object({
  code: z.string().min(1).describe('实施编码 (or 业务办理项编码) of the guide'),
  ruleId: z.string().min(1).describe('rule id or indicator name'),
  reason: z.string().min(1).describe('why the finding is accepted, e.g. 农村地址无门牌号'),
});
export type SuppressionEntry = z.infer<typeof SuppressionEntrySchema>;

/**
 * Move the findings matched by an entry (same guide code; same rule id or indicator) out of
 * `findings`, keeping their reasons; entries that match nothing are listed as unused. Scores stay as
 * computed: they predict what an evaluator marks down, which a local exception does not change;
 * finding counts (summary, departments) follow the remaining list.
 */
export function applySuppressions(report: Report, entries: SuppressionEntry[], file: string): Report {
  const used = new Set<number>();
  const suppressed: SuppressedFinding[] = [];
  const findings: Finding[] = [];
  for (const f of report.findings) {
    const i = entries.findIndex((e) => e.code.trim() === f.guide.code && (e.ruleId === f.ruleId || e.ruleId === f.indicator));
    if (i < 0) findings.push(f);
    else {
      used.add(i);
      suppressed.push({ ...f, reason: entries[i]!.reason });
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const guides = new Set(findings.map((f) => `${f.location.file}\u0000${f.guide.code ?? ''}\u0000${f.guide.name ?? ''}`));
  // Finding counts follow the list (scores do not): a department shows as many findings as it is sent.
  const perDept = new Map<string, number>();
  for (const f of suppressed) perDept.set(departmentOf(f), (perDept.get(departmentOf(f)) ?? 0) + 1);
  const departments = report.scores.departments.map((d) => ({ ...d, findings: d.findings - (perDept.get(d.department) ?? 0) }));
  return {
    ...report,
    findings,
    scores: { ...report.scores, departments },
    summary: { ...report.summary, findings: findings.length, errors, warnings: findings.length - errors, guidesWithFindings: guides.size },
    suppressions: { file, suppressed, unused: entries.filter((_, i) => !used.has(i)) },
  };
}
