// The JSON report of `guide-audit diff A B` (多渠道数据同源): its own stable contract, versioned apart
// from the audit report. The zod schema is the source of the published JSON Schema
// (`guide-audit schema diff`, docs/diff-report.schema.json). Fields are only ever added; a change of
// structure raises `schemaVersion`.
import { z } from 'zod';
import { FindingSchema } from './report.js';

export const DIFF_SCHEMA_VERSION = 1;
export const DIFF_RULE_ID = 'data-consistency';
export const DIFF_INDICATOR = '多渠道数据同源';

const Position = {
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  index: z.number().int().optional(),
};

/** One channel's side of a difference: its value (absent: not filled / no such entry) and where it is. */
export const DiffSideSchema = z.object({
  value: z.string().optional(),
  location: z.object({
    ...Position,
    field: z.string().optional(),
    material: z.object({ index: z.number().int(), name: z.string().optional() }).optional(),
    step: z.object({ index: z.number().int(), name: z.string().optional() }).optional(),
  }),
  guide: z.object({ code: z.string().optional(), name: z.string().optional(), department: z.string().optional() }),
});
export type DiffSide = z.infer<typeof DiffSideSchema>;

export const DIFF_MESSAGE_IDS = ['valueDiffers', 'entryOnlyInA', 'entryOnlyInB', 'guideOnlyInA', 'guideOnlyInB'] as const;
export const MATCH_KINDS = ['code', 'baseCode+department', 'name+department'] as const;

/**
 * A difference, shaped as an audit finding of 多渠道数据同源 (so every finding consumer can read it):
 * `guide`, `location` and `value` are channel A's (channel B's for `guideOnlyInB`/`entryOnlyInB`);
 * `a` and `b` give both sides.
 */
export const DiffFindingSchema = FindingSchema.extend({
  ruleId: z.literal(DIFF_RULE_ID),
  indicator: z.literal(DIFF_INDICATOR),
  messageId: z.enum(DIFF_MESSAGE_IDS),
  /** The canonical element (Chinese name) that differs; for a list entry, the list (申请材料, 办理流程, 设定依据, 办理窗口, 特殊环节). */
  element: z.string(),
  /** For a list entry or a field of one: the list and the entry's name (the stable key it was matched by). */
  entry: z.object({ list: z.string(), name: z.string(), field: z.string().optional() }).optional(),
  /** How the two guides were matched (absent for a guide found in one channel only). */
  matchedBy: z.enum(MATCH_KINDS).optional(),
  a: DiffSideSchema.optional(),
  b: DiffSideSchema.optional(),
});
export type DiffFinding = z.infer<typeof DiffFindingSchema>;

const ChannelSchema = z.object({
  /** Name used in messages (`--a-label`, `--b-label`; default 渠道A / 渠道B). */
  label: z.string(),
  path: z.string(),
  files: z.number().int(),
  guides: z.number().int(),
});

export const DiffReportSchema = z.object({
  schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
  kind: z.literal('diff'),
  tool: z.object({ name: z.literal('guide-audit'), version: z.string() }),
  generatedAt: z.string(),
  channels: z.object({ a: ChannelSchema, b: ChannelSchema }),
  summary: z.object({
    /** Guides found in both channels. */
    matched: z.number().int(),
    matchedBy: z.object({ code: z.number().int(), baseCodeDepartment: z.number().int(), nameDepartment: z.number().int() }),
    /** Matched guides with no difference. */
    identical: z.number().int(),
    withDifferences: z.number().int(),
    /** Differing elements and list entries of matched guides. */
    differences: z.number().int(),
    onlyInA: z.number().int(),
    onlyInB: z.number().int(),
    /** All findings: differences plus guides in one channel only. */
    findings: z.number().int(),
    loadErrors: z.number().int(),
    skipped: z.number().int(),
  }),
  /** Elements one channel's export does not have at all (no such column or key): not compared. */
  notCompared: z.array(z.object({ element: z.string(), missingIn: z.enum(['a', 'b']) })),
  findings: z.array(DiffFindingSchema),
  loadErrors: z.array(z.object({
    channel: z.enum(['a', 'b']), file: z.string(), message: z.string(), sheet: z.string().optional(),
    row: z.number().int().optional(), line: z.number().int().optional(), index: z.number().int().optional(),
  })),
  skipped: z.array(z.object({ channel: z.enum(['a', 'b']), file: z.string(), reason: z.string() })),
  notices: z.array(z.string()),
});
export type DiffReport = z.infer<typeof DiffReportSchema>;

/** The published JSON Schema of the diff report. */
export function renderDiffReportSchema(): string {
  const schema = z.toJSONSchema(DiffReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const open = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(open);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'additionalProperties' && x === false)).map(([k, x]) => [k, open(x)]));
  };
  return JSON.stringify({ title: `guide-audit diff JSON report, schemaVersion ${DIFF_SCHEMA_VERSION}`, ...(open(schema) as object) }, null, 2) + '\n';
}
