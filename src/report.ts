// The JSON report contract (REPORT-JSON.md). The zod schema is the source of the published JSON Schema.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const IndicatorScore = z.object({
  score: z.number().nullable(),
  applicable: z.number().int(),
  failed: z.number().int(),
});

const Ratio = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().int(),
});

export const StatsSchema = z.object({
  guides: z.number().int(),
  commitmentCompression: Ratio.extend({ n: z.number().int() }),
  instantShare: Ratio,
  zeroVisitShare: Ratio,
  atMostOneVisitShare: Ratio,
  averageVisits: Ratio,
  onlineDepth: z.object({ I: z.number().int(), II: z.number().int(), III: z.number().int(), IV: z.number().int(), unknown: z.number().int() }),
  averageFilledElements: Ratio,
});
export type Stats = z.infer<typeof StatsSchema>;

const ScopedStatsSchema = z.object({ permit: StatsSchema, all: StatsSchema });

export const FindingSchema = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  indicator: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  suggestion: z.string().optional(),
  guide: z.object({ code: z.string().optional(), name: z.string().optional(), department: z.string().optional() }),
  location: z.object({
    file: z.string(),
    sheet: z.string().optional(),
    row: z.number().int().optional(),
    line: z.number().int().optional(),
    index: z.number().int().optional(),
    field: z.string().optional(),
    material: z.object({ index: z.number().int(), name: z.string().optional() }).optional(),
    step: z.object({ index: z.number().int(), name: z.string().optional() }).optional(),
  }),
  value: z.string().optional(),
  /** With `--baseline`: new since the baseline (新增) or still there (仍未整改). */
  status: z.enum(['new', 'unchanged']).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** The department name a guide without 实施主体 is scored and listed under. */
export const UNKNOWN_DEPARTMENT = '（未填实施主体）';
/** The department of a finding as the scores name it. */
export const departmentOf = (f: Pick<Finding, 'guide'>): string => f.guide.department?.trim() || UNKNOWN_DEPARTMENT;

/** A finding moved out of `findings` by a suppression entry, with its reason. */
export const SuppressedFindingSchema = FindingSchema.extend({ reason: z.string() });
export type SuppressedFinding = z.infer<typeof SuppressedFindingSchema>;

/** Rectification tracking counts (`--baseline`): 新增, 仍未整改, 已整改. */
export const TrackingSchema = z.object({ new: z.number().int(), unchanged: z.number().int(), fixed: z.number().int() });
export type Tracking = z.infer<typeof TrackingSchema>;

export const DepartmentScoreSchema = z.object({
  department: z.string(),
  region: z.string().optional(),
  score: z.number().nullable(),
  band: z.string().nullable(),
  guides: z.number().int(),
  findings: z.number().int(),
  indicators: z.record(z.string(), IndicatorScore),
  stats: ScopedStatsSchema,
  /** With `--baseline` only. */
  tracking: TrackingSchema.optional(),
  /** Audited guides per region (the department's region is the most frequent); lets shard reports merge. */
  guidesByRegion: z.record(z.string(), z.number().int()).optional(),
});

export const RegionScoreSchema = z.object({
  region: z.string(),
  score: z.number().nullable(),
  band: z.string().nullable(),
  guides: z.number().int(),
  findings: z.number().int(),
  indicators: z.record(z.string(), IndicatorScore),
  stats: ScopedStatsSchema,
});

/** One value corrected by `--fix-out` (only fixes with one right answer). */
export const FixChangeSchema = z.object({
  file: z.string(),
  /** The corrected copy it was written to. */
  output: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  index: z.number().int().optional(),
  /** Excel cell address, e.g. `F12`. */
  cell: z.string().optional(),
  /** Column header or key as written. */
  column: z.string(),
  /** Chinese element name. */
  field: z.string(),
  guide: z.object({ code: z.string().optional(), name: z.string().optional(), department: z.string().optional() }),
  before: z.string(),
  after: z.string(),
  /** Fix ids: phone-separator, afternoon-time, duration-unit, fullwidth-digits. */
  fixes: z.array(z.string()),
});
export type FixChange = z.infer<typeof FixChangeSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('guide-audit'), version: z.string() }),
  generatedAt: z.string(),
  options: z.object({
    scope: z.enum(['default', 'all']),
    paths: z.array(z.string()),
    /** `--shard i/n`: this report covers that share of the guides (merge the shards with `guide-audit merge`). */
    shard: z.string().optional(),
    /** Indicator weights and bands in force, so that merged shards are scored the same way. */
    scoring: z.object({ weights: z.record(z.string(), z.number()), bands: z.array(z.object({ min: z.number(), band: z.string() })) }).optional(),
  }),
  summary: z.object({
    files: z.number().int(),
    guides: z.number().int(),
    findings: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    loadErrors: z.number().int(),
    skipped: z.number().int(),
    permitGuides: z.number().int(),
    guidesWithFindings: z.number().int(),
  }),
  scores: z.object({
    overall: z.number().nullable(),
    band: z.string().nullable(),
    permitOnly: z.object({ overall: z.number().nullable(), band: z.string().nullable(), guides: z.number().int() }),
    indicators: z.record(z.string(), IndicatorScore),
    permitIndicators: z.record(z.string(), IndicatorScore),
    departments: z.array(DepartmentScoreSchema),
    regions: z.array(RegionScoreSchema),
  }),
  stats: ScopedStatsSchema.extend({
    /** Reference values of the evaluation's 2018 data analysis report, for comparison. */
    reference: z.object({
      source: z.string(),
      commitmentCompression: z.number(),
      zeroVisitShare: z.number(),
      atMostOneVisitShare: z.number(),
      averageFilledElements: z.number(),
    }),
  }),
  rules: z.array(z.object({ id: z.string(), indicator: z.string(), severity: z.enum(['error', 'warning']), scored: z.boolean() })),
  findings: z.array(FindingSchema),
  loadErrors: z.array(
    z.object({
      file: z.string(), message: z.string(), sheet: z.string().optional(),
      row: z.number().int().optional(), line: z.number().int().optional(), index: z.number().int().optional(),
    }),
  ),
  skipped: z.array(z.object({
    file: z.string(), reason: z.string(), count: z.number().int().optional(),
    /** Guides left out of scope, per item type (with `count`). */
    byType: z.record(z.string(), z.number().int()).optional(),
  })),
  /** Blank-form, sample-form and flowchart references that could not be verified: URLs, and references with no attachment files at all. */
  attachmentRefs: z.object({ urls: z.number().int(), unverified: z.number().int() }).optional(),
  notices: z.array(z.string()),
  /** With `--baseline`: the baseline file, the overall counts, and the findings of the baseline no longer found (已整改). */
  baseline: z.object({ file: z.string(), tracking: TrackingSchema, fixed: z.array(FindingSchema) }).optional(),
  /** With `--suppressions`: findings suppressed with a reason, and entries that matched nothing. */
  suppressions: z
    .object({
      file: z.string(),
      suppressed: z.array(SuppressedFindingSchema),
      unused: z.array(z.object({ code: z.string(), ruleId: z.string(), reason: z.string() })),
    })
    .optional(),
  /** With `--fix-out`: the folder of corrected copies and how many files were written and changed. */
  fixOut: z.object({ dir: z.string(), files: z.number().int(), changedFiles: z.number().int(), changes: z.number().int() }).optional(),
  /** With `--fix-out`: every value changed in the corrected copies. The findings above are those of the inputs. */
  fixes: z.array(FixChangeSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** The published JSON Schema of the report (`guide-audit schema`, docs/report.schema.json). */
export function renderReportSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  // The contract grows only by new fields: a consumer validating with this schema must accept them.
  const open = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(open);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'additionalProperties' && x === false)).map(([k, x]) => [k, open(x)]));
  };
  return JSON.stringify({ title: `guide-audit JSON report, schemaVersion ${SCHEMA_VERSION}`, ...(open(schema) as object) }, null, 2) + '\n';
}
