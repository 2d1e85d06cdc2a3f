// Which cells of a tabular export (Excel sheet, CSV) to correct: every guide row's phone, 办理时间,
// time-limit and code cells, and the link-code cells of material and step rows. The same header
// recognition as the loaders, so exactly the cells the audit read are looked at.
import { GUIDE_FIELDS, headerKey, labelOf } from '../fields.js';
import { recordToGuide } from '../loaders/record.js';
import { findHeader, toRecord, type Table } from '../loaders/table.js';
import type { SourceSettings } from '../loaders/source.js';
import { GUIDE_KEY_KINDS, fixValue, type FixContext, type FixId } from './fields.js';

export interface GuideRef {
  code?: string;
  name?: string;
  department?: string;
}

/** A cell to change: where (sheet, row or line, column), what it holds, what it becomes and why. */
export interface PlannedCell {
  sheet?: string;
  /** Excel row or CSV line (1-based), as in the audit's locations. */
  pos: number;
  /** 0-based column. */
  col: number;
  header: string;
  field: string;
  before: string;
  after: string;
  fixes: FixId[];
  guide: GuideRef;
}

const LINK_KEYS = new Set(['code', 'handleCode']);

/** The guide a change belongs to, as findings name it. */
export function refOf(g: { code?: string; handleCode?: string; name?: string; department?: string }): GuideRef {
  const out: GuideRef = {};
  const code = g.code ?? g.handleCode;
  if (code) out.code = code.trim();
  if (g.name) out.name = g.name;
  if (g.department) out.department = g.department;
  return out;
}

const label = (key: string) => (key in GUIDE_FIELDS ? labelOf(key) : key);

export function planTableFixes(file: string, tables: Table[], s: SourceSettings): PlannedCell[] {
  const out: PlannedCell[] = [];
  for (const table of tables) {
    const header = findHeader(table.rows, s);
    if (!header) continue;
    const keys = header.headers.map((h) => (h ? s.guideFields.get(headerKey(h)) : undefined));
    const child = header.kind !== 'guide';
    if (!keys.some((k) => k && GUIDE_KEY_KINDS[k] && (!child || LINK_KEYS.has(k)))) continue;
    for (let i = header.rowIndex + 1; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      if (row.cells.every((c) => c == null || c.trim() === '')) continue;
      const rec = toRecord(header.headers, row.cells);
      const probe = recordToGuide(rec, { file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), [table.posKind]: row.pos }, s);
      if (!child && !probe.name && !probe.code && !probe.handleCode) continue;
      for (let c = 0; c < keys.length; c++) {
        const key = keys[c];
        if (!key) continue;
        const kind = GUIDE_KEY_KINDS[key];
        if (!kind || (child && !LINK_KEYS.has(key))) continue;
        const before = row.cells[c] ?? '';
        if (before.trim() === '') continue;
        const ctx: FixContext = {};
        if (key === 'legalLimit' || key === 'promisedLimit') {
          const limit = key === 'legalLimit' ? probe.legalLimit : probe.promisedLimit;
          ctx.explanation = limit.explanation;
          ctx.hasUnitField = probe.sources[`${key}Unit`] !== undefined;
        }
        const r = fixValue(kind, before, ctx);
        if (!r) continue;
        out.push({
          ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
          pos: row.pos, col: c, header: header.headers[c]!, field: label(key), before, after: r.after, fixes: r.fixes, guide: refOf(probe),
        });
      }
    }
  }
  return out;
}
