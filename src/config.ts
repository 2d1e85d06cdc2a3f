// The config file (JSON, validated with zod). A bad key or value is a usage error naming the path.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const Severity = z.enum(['off', 'warning', 'error']);
export type SeveritySetting = z.infer<typeof Severity>;

const CodeTableSchema = z.record(z.string(), z.string());
const CodeTablesSchema = z
  .object({
    itemType: CodeTableSchema, level: CodeTableSchema, caseType: CodeTableSchema, timeUnit: CodeTableSchema,
    source: CodeTableSchema, materialType: CodeTableSchema, necessity: CodeTableSchema, form: CodeTableSchema,
    isFee: CodeTableSchema, onlineDepth: CodeTableSchema,
  })
  .partial()
  .strict();

export const SourceConfigSchema = z
  .object({
    files: z.union([z.string(), z.array(z.string())]).describe('glob(s) matched against the file path relative to the audited folder'),
    fields: z
      .object({
        guide: z.record(z.string(), z.string()),
        material: z.record(z.string(), z.string()),
        step: z.record(z.string(), z.string()),
      })
      .partial()
      .strict()
      .optional(),
    codes: CodeTablesSchema.optional(),
  })
  .strict();
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

const RuleSetting = z.union([Severity, z.tuple([Severity]), z.tuple([Severity, z.record(z.string(), z.unknown())])]);

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    scope: z.enum(['default', 'all']).optional(),
    ignore: z.array(z.string()).optional(),
    rules: z.record(z.string(), RuleSetting).optional(),
    failOn: z.enum(['error', 'warning']).optional(),
    failUnder: z.number().min(0).max(100).optional(),
    maxWarnings: z.number().int().min(0).optional(),
    sources: z.array(SourceConfigSchema).optional(),
    attachments: z.array(z.string()).optional().describe('extra attachment folders, relative to the working directory'),
    catalog: z.string().optional().describe('national basic catalogue file (xlsx, csv or json)'),
    cancelled: z.string().optional().describe('list of cancelled and adjusted items (xlsx, csv or json: 基本编码 and/or 事项名称, the document, 调整类型)'),
    limits: z
      .object({
        zipEntryMB: z.number().positive().describe('a zip entry (sheet, form) inflating past this many MB…'),
        zipRatio: z.number().positive().describe('…and past this many times its compressed size is refused'),
      })
      .partial()
      .strict()
      .optional(),
    scoring: z
      .object({
        weights: z.record(z.string(), z.number().min(0)).optional(),
        bands: z
          .array(z.object({ min: z.number().min(0).max(100), band: z.string() }).strict())
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;

import { ConfigError } from './errors.js';
export { ConfigError };

/** Chinese description of zod issues, one per line, with the offending path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const path = i.path.length ? i.path.map(String).join('.') : '(根)';
      if (i.code === 'unrecognized_keys') return `${path}: 不认识的配置项 ${i.keys.map((k) => `"${k}"`).join('、')}`;
      if (i.code === 'invalid_type') return `${path}: 类型不对（应为 ${i.expected}）`;
      if (i.code === 'invalid_value') return `${path}: 取值不对（可选 ${i.values.map((v) => JSON.stringify(v)).join('、')}）`;
      return `${path}: ${i.message}`;
    })
    .join('\n');
}

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`无法读取配置文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`配置文件 ${file} 不是合法的 JSON：${(e as Error).message}`);
  }
  const r = ConfigSchema.safeParse(data);
  if (!r.success) throw new ConfigError(`配置文件 ${file} 有误：\n${describeIssues(r.error.issues)}`);
  return r.data;
}

/** The published JSON Schema of the config file (`guide-audit schema config`). */
export function renderConfigSchema(): string {
  return JSON.stringify({ title: 'guide-audit config file', ...(z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input' }) as object) }, null, 2) + '\n';
}
