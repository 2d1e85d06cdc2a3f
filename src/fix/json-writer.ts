// Corrected copy of a JSON or JSONL export: the string values to fix are replaced in place; keys,
// numbers, layout and every other value stay exactly as written. Which values: the guide's own phone,
// 办理时间, time-limit and code keys, those of an `extend`-style block the loader folds into the guide,
// and the phone and hours keys of its windows.
import { headerKey, labelOf } from '../fields.js';
import { objectToGuide, WRAPPER_KEYS } from '../loaders/json.js';
import type { SourceSettings } from '../loaders/source.js';
import type { SourceLocation } from '../model.js';
import { GUIDE_KEY_KINDS, fixValue, type FixContext, type FixId, type FixKind } from './fields.js';
import { entryOf, parseJsonTree, type JsonNode } from './json-tree.js';
import { refOf, type GuideRef } from './plan.js';

// Nested keys as the JSON loader knows them (src/loaders/json.ts): lists are not folded into the guide.
const NESTED_LISTS = new Set([
  '申请材料', '材料', '材料清单', 'materials', 'material', 'auditmaterial', 'materiallist', 'applymaterial', 'task_material',
  '办理流程', '流程', '流程环节', '办理环节', 'steps', 'step', 'flow', 'flows', 'handleflow', 'handle_flow', 'flowsheet', 'process',
  'processes', 'procedure', 'procedures', 'handle_process', 'task_process', 'process_list', 'link',
  '设定依据', '法律依据', 'bylaw', 'by_law', 'law', 'laws', 'lawlist', 'bylaws',
  '特殊环节', '特别程序', 'special', 'specials', 'special_procedure', 'speciallist',
].map(headerKey));
const WINDOWS = new Set(['window', 'windows', '窗口', '办理窗口', '窗口信息', 'windowlist', 'transact_windows'].map(headerKey));
const WINDOW_PHONE = new Set(['window_tel', 'link_tel', 'tel', 'phone', '窗口电话', '联系电话', '咨询电话'].map(headerKey));
const WINDOW_HOURS = new Set(['transact_time', 'time', '办理时间', '工作时间'].map(headerKey));

export interface JsonChange {
  loc: SourceLocation;
  /** The key as written, with its path inside the guide (`window[0].window_tel`). */
  column: string;
  field: string;
  before: string;
  after: string;
  fixes: FixId[];
  guide: GuideRef;
}

interface Edit { start: number; end: number; text: string }

function fixGuide(text: string, node: JsonNode, loc: SourceLocation, s: SourceSettings, edits: Edit[], changes: JsonChange[]): void {
  if (node.kind !== 'object') return;
  const plain = JSON.parse(text.slice(node.start, node.end)) as Record<string, unknown>;
  const g = objectToGuide(plain, loc, s);
  if (!g.name && !g.code && !g.handleCode) return;
  const apply = (str: JsonNode, kind: FixKind, column: string, field: string, ctx: FixContext = {}) => {
    if (str.kind !== 'string' || str.value.trim() === '') return;
    const r = fixValue(kind, str.value, ctx);
    if (!r) return;
    edits.push({ start: str.start, end: str.end, text: JSON.stringify(r.after) });
    changes.push({ loc, column, field, before: str.value, after: r.after, fixes: r.fixes, guide: refOf(g) });
  };
  const guideField = (key: string, value: JsonNode, column: string) => {
    const canon = s.guideFields.get(headerKey(key));
    const kind = canon ? GUIDE_KEY_KINDS[canon] : undefined;
    if (!canon || !kind) return;
    const ctx: FixContext = {};
    if (canon === 'legalLimit' || canon === 'promisedLimit') {
      const limit = canon === 'legalLimit' ? g.legalLimit : g.promisedLimit;
      ctx.explanation = limit.explanation;
      ctx.hasUnitField = g.sources[`${canon}Unit`] !== undefined;
    }
    apply(value, kind, column, labelOf(canon), ctx);
  };
  // Top-level scalars first; a folded block's key counts only when no scalar of that name came before (as in the loader).
  const taken = new Set<string>();
  for (const e of node.entries) {
    if (e.value.kind === 'string' || e.value.kind === 'scalar') {
      taken.add(e.key);
      guideField(e.key, e.value, e.key);
    }
  }
  for (const e of node.entries) {
    const hk = headerKey(e.key);
    if (e.value.kind === 'array' || e.value.kind === 'object') {
      if (WINDOWS.has(hk)) {
        const list = e.value.kind === 'array' ? e.value.items : [e.value];
        list.forEach((w, wi) => {
          if (w.kind !== 'object') return;
          for (const we of w.entries) {
            const wk = headerKey(we.key);
            const column = e.value.kind === 'array' ? `${e.key}[${wi}].${we.key}` : `${e.key}.${we.key}`;
            if (WINDOW_PHONE.has(wk)) apply(we.value, 'phone', column, '窗口电话');
            else if (WINDOW_HOURS.has(wk)) apply(we.value, 'hours', column, '办理时间');
          }
        });
      } else if (e.value.kind === 'object' && !NESTED_LISTS.has(hk)) {
        for (const be of e.value.entries) {
          if (be.value.kind !== 'string' && be.value.kind !== 'scalar') continue;
          if (taken.has(be.key)) continue;
          taken.add(be.key);
          guideField(be.key, be.value, `${e.key}.${be.key}`);
        }
      }
    }
  }
}

function findGuideArrayNode(node: JsonNode): JsonNode[] | undefined {
  if (node.kind === 'array') return node.items;
  if (node.kind !== 'object') return undefined;
  for (const k of WRAPPER_KEYS) {
    const v = entryOf(node, k);
    if (!v) continue;
    if (v.kind === 'array') return v.items;
    if (v.kind === 'object') {
      const inner = findGuideArrayNode(v);
      if (inner) return inner;
    }
  }
  return undefined;
}

function splice(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A JSON document (array, or wrapped in data/guides/…, or one guide object). */
export function fixJsonText(text: string, file: string, s: SourceSettings): { text: string; changes: JsonChange[] } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const root = parseJsonTree(text, bom);
  const list = findGuideArrayNode(root) ?? (root.kind === 'object' ? [root] : []);
  const edits: Edit[] = [];
  const changes: JsonChange[] = [];
  list.forEach((item, index) => fixGuide(text, item, { file, index }, s, edits, changes));
  return { text: splice(text, edits), changes };
}

/** JSONL: one guide per line; a line that is not JSON is left as it is (the audit reports it). */
export function fixJsonlText(text: string, file: string, s: SourceSettings): { text: string; changes: JsonChange[] } {
  const edits: Edit[] = [];
  const changes: JsonChange[] = [];
  let start = 0;
  for (let line = 1; start < text.length || line === 1; line++) {
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    if (end > start && text[end - 1] === '\r') end--;
    let from = start;
    if (line === 1 && text.startsWith('\uFEFF')) from++;
    if (text.slice(from, end).trim() !== '') {
      try {
        fixGuide(text, parseJsonTree(text, from, end), { file, line }, s, edits, changes);
      } catch {
        // not a JSON object: the audit reports this line
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return { text: splice(text, edits), changes };
}
