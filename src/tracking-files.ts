// Reading the files of `--baseline` (a previous JSON report) and `--suppressions` (JSON, CSV or
// xlsx). Either one unreadable is a usage error (exit 2): the user asked for it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, describeIssues } from './config.js';
import { headerKey } from './fields.js';
import { decodeText, sniff } from './loaders/decode.js';
import { csvToTable } from './loaders/csv.js';
import { readWorkbookTables } from './loaders/excel.js';
import type { Table } from './loaders/table.js';
import type { Finding } from './report.js';
import { BaselineSchema, SuppressionEntrySchema, type SuppressionEntry } from './tracking.js';

async function read(file: string, cwd: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path.resolve(cwd, file));
  } catch (e) {
    throw new ConfigError(`无法读取${what} ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

export async function loadBaseline(file: string, cwd: string): Promise<{ findings: Finding[] }> {
  const buf = await read(file, cwd, '基线报告');
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(buf).text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`基线报告 ${file} 不是合法的 JSON：${(e as Error).message}`);
  }
  const r = BaselineSchema.safeParse(doc);
  if (!r.success) throw new ConfigError(`基线报告 ${file} 不是 guide-audit 的 JSON 报告：\n${describeIssues(r.error.issues)}`);
  return r.data as unknown as { findings: Finding[] };
}

const COLUMNS: Record<keyof SuppressionEntry, string[]> = {
  code: ['实施编码', '事项编码', '业务办理项编码', 'code', 'guidecode'],
  ruleId: ['规则', '规则id', '规则ID', '指标', '问题指标', 'ruleid', 'rule', 'indicator'],
  reason: ['原因', '理由', '豁免原因', '说明', 'reason'],
};

function fromTable(t: Table, file: string): SuppressionEntry[] {
  for (let h = 0; h < Math.min(t.rows.length, 10); h++) {
    const headers = t.rows[h]!.cells.map(headerKey);
    const idx = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, headers.findIndex((x) => names.map(headerKey).includes(x))])) as Record<keyof SuppressionEntry, number>;
    if (idx.code < 0 || idx.ruleId < 0 || idx.reason < 0) continue;
    const out: SuppressionEntry[] = [];
    for (const row of t.rows.slice(h + 1)) {
      const e = { code: (row.cells[idx.code] ?? '').trim(), ruleId: (row.cells[idx.ruleId] ?? '').trim(), reason: (row.cells[idx.reason] ?? '').trim() };
      if (!e.code && !e.ruleId && !e.reason) continue;
      if (!e.code || !e.ruleId || !e.reason) throw new ConfigError(`豁免清单 ${file} 第${row.pos}行：实施编码、规则和原因都必须填写`);
      out.push(e);
    }
    return out;
  }
  throw new ConfigError(`豁免清单 ${file} 中没有找到“实施编码”“规则”“原因”三列`);
}

export async function loadSuppressions(file: string, cwd: string): Promise<SuppressionEntry[]> {
  const buf = await read(file, cwd, '豁免清单');
  const kind = sniff(buf);
  if (kind === 'zip' || kind === 'ole') return fromTable(readWorkbookTables(buf, 'buffer')[0] ?? { rows: [], posKind: 'row' }, file);
  const text = decodeText(buf).text.replace(/^\uFEFF/, '');
  if (kind === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(`豁免清单 ${file} 不是合法的 JSON：${(e as Error).message}`);
    }
    const list = Array.isArray(doc) ? doc : (doc as { suppressions?: unknown })?.suppressions;
    const r = z.array(SuppressionEntrySchema.strict()).safeParse(list);
    if (!r.success) throw new ConfigError(`豁免清单 ${file} 有误（应为 [{ "code", "ruleId", "reason" }]）：\n${describeIssues(r.error.issues)}`);
    return r.data;
  }
  return fromTable(csvToTable(text).table, file);
}
