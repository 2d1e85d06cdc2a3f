// Tabular exports (layout 1): find the header row, tell guide/material/step tables apart by their
// headers, and join material and step rows to their guide.
import { headerKey, type FieldMap } from '../fields.js';
import type { Guide, SourceLocation } from '../model.js';
import { recordToGuide, recordToMaterial, recordToStep, linkKeys, type FlatRecord } from './record.js';
import type { SourceSettings } from './source.js';
import type { LoadEvent } from './types.js';
import { collectGarbage } from '../gc.js';

export interface TableRow {
  cells: string[];
  /** Excel row (1-based) or CSV line (1-based) as the user sees it. */
  pos: number;
}

export interface Table {
  sheet?: string;
  rows: TableRow[];
  /** 'row' for Excel sheets, 'line' for CSV. */
  posKind: 'row' | 'line';
}

export type TableKind = 'guide' | 'material' | 'step';

interface HeaderInfo {
  kind: TableKind;
  rowIndex: number;
  headers: string[];
}

const HEADER_SCAN_ROWS = 10;

function distinctMatches(cells: string[], map: FieldMap): Set<string> {
  const keys = new Set<string>();
  for (const c of cells) {
    const k = map.get(headerKey(c));
    if (k) keys.add(k);
  }
  return keys;
}

/** The header row within the first 10 rows and what kind of table it heads; undefined if none. */
export function findHeader(rows: TableRow[], s: SourceSettings): HeaderInfo | undefined {
  let best: (HeaderInfo & { score: number }) | undefined;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const cells = rows[i]!.cells;
    const g = distinctMatches(cells, s.guideFields);
    const m = distinctMatches(cells, s.materialFields);
    const st = distinctMatches(cells, s.stepFields);
    let kind: TableKind | undefined;
    let score = 0;
    if (m.has('name') && m.size >= 2) { kind = 'material'; score = m.size + 1; }
    else if (st.has('name') && st.size >= 2 && !g.has('legalLimit')) { kind = 'step'; score = st.size + 1; }
    else if ((g.has('name') || g.has('code')) && g.size >= 3) { kind = 'guide'; score = g.size; }
    // Ties go to the later row: a two-level merged header is read as its lower row.
    if (kind && (!best || score >= best.score)) best = { kind, rowIndex: i, headers: cells.map((c) => c.trim()), score };
  }
  return best && { kind: best.kind, rowIndex: best.rowIndex, headers: best.headers };
}

/** A row as a record keyed by its headers (exported: the fixer reads tables the same way). */
export function toRecord(headers: string[], cells: string[]): FlatRecord {
  const rec: FlatRecord = Object.create(null) as FlatRecord;
  for (let c = 0; c < headers.length; c++) {
    const h = headers[c];
    if (!h) continue;
    const v = cells[c] ?? '';
    // Duplicate headers: keep the first non-empty value.
    if (rec[h] === undefined || (rec[h] === '' && v !== '')) rec[h] = v;
  }
  return rec;
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c == null || c.trim() === '');
}

function locOf(file: string, table: Table, pos: number): SourceLocation {
  const loc: SourceLocation = { file };
  if (table.sheet !== undefined) loc.sheet = table.sheet;
  if (table.posKind === 'row') loc.row = pos;
  else loc.line = pos;
  return loc;
}

interface ChildRow { row: TableRow; table: Table; headers: string[] }

/** Key fields of a child row used to find its guide. */
function linkOf(rec: FlatRecord, s: SourceSettings): string[] {
  const pickKey = (key: string) => {
    for (const [h, v] of Object.entries(rec)) if (s.guideFields.get(headerKey(h)) === key && v.trim() !== '') return v.trim();
    return undefined;
  };
  return linkKeys({ code: pickKey('code'), handleCode: pickKey('handleCode'), department: pickKey('department'), name: pickKey('name') });
}

const BIG_INDEX = 100_000;
const CONSUMED: TableRow = Object.freeze({ cells: [], pos: 0 }) as TableRow;

/**
 * Turn the tables of one file (workbook sheets, or a lone CSV) into guides.
 * Material and step tables are indexed first, then every guide row is yielded with its children.
 * The guide tables are consumed: their rows are dropped as they are read.
 */
export function* tablesToGuides(file: string, tables: Table[], s: SourceSettings): Generator<LoadEvent> {
  const guideTables: { table: Table; header: HeaderInfo }[] = [];
  // Child rows are indexed as rows and made records only when joined: a province's workbook has
  // millions of them, and a record per row would hold every cell twice.
  const materials = new Map<string, ChildRow[]>();
  const steps = new Map<string, ChildRow[]>();
  const childTables: string[] = [];
  let hasMaterialTable = false;
  let childRows = 0;
  for (const table of tables) {
    const header = findHeader(table.rows, s);
    if (!header) continue;
    if (header.kind === 'guide') {
      guideTables.push({ table, header });
      continue;
    }
    childTables.push(table.sheet ?? '');
    if (header.kind === 'material') hasMaterialTable = true;
    const index = header.kind === 'material' ? materials : steps;
    for (let i = header.rowIndex + 1; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      const cells = row.cells;
      if (isBlank(cells)) continue;
      const keys = linkOf(toRecord(header.headers, cells), s);
      // Index under the most specific key only; lookups try keys from most to least specific.
      const key = keys[0];
      if (!key) continue;
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push({ row, table, headers: header.headers });
      childRows++;
    }
  }
  // Indexing a province's child sheets leaves hundreds of MB of garbage (each row read as a record
  // for its keys): collected before the guides add theirs (see gc.ts).
  if (childRows >= BIG_INDEX) collectGarbage();
  if (guideTables.length === 0) {
    yield { kind: 'skipped', reason: childTables.length ? '只有申请材料或办理流程表，没有办事指南主表' : '没有可识别的办事指南表' };
    return;
  }
  const used = new Set<string>();
  for (const { table, header } of guideTables) {
    for (let i = header.rowIndex + 1; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      const cells = row.cells;
      if (isBlank(cells)) continue;
      const rec = toRecord(header.headers, cells);
      const loc = locOf(file, table, row.pos);
      // Consumed: a row is dropped once read, so a big sheet's memory goes as its guides are audited.
      table.rows[i] = CONSUMED;
      const probe = recordToGuide(rec, loc, s);
      // A row without any name or code is a footer or a note line, not a guide.
      if (!probe.name && !probe.code && !probe.handleCode) continue;
      const keys = linkKeys(probe);
      const mat = firstMatch(materials, keys, used, 'm');
      const stp = firstMatch(steps, keys, used, 's');
      if (mat) probe.materials = mat.map((m, j) => recordToMaterial(toRecord(m.headers, m.row.cells), j + 1, locOf(file, m.table, m.row.pos), s));
      if (hasMaterialTable) probe.materialsListed = true;
      if (stp) probe.steps = stp.map((st, j) => recordToStep(toRecord(st.headers, st.row.cells), j + 1, locOf(file, st.table, st.row.pos), s));
      yield { kind: 'guide', guide: probe };
    }
  }
  const orphan = (idx: Map<string, unknown[]>, tag: string) => [...idx.keys()].filter((k) => !used.has(tag + k)).length;
  const om = orphan(materials, 'm');
  const os = orphan(steps, 's');
  if (om || os) {
    yield { kind: 'notice', message: `${file}：有 ${om} 组申请材料、${os} 组办理流程找不到对应的事项（按实施编码或事项名称关联）` };
  }
}

function firstMatch<T>(index: Map<string, T[]>, keys: string[], used: Set<string>, tag: string): T[] | undefined {
  for (const k of keys) {
    const list = index.get(k);
    if (list) {
      used.add(tag + k);
      return list;
    }
  }
  return undefined;
}

export type { Guide };
