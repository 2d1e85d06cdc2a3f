import { defineRule, type RuleFinding } from '../src/rule.js';
import type { CancelledEntry, CancelledList } from '../src/cancelled.js';
import type { Guide } from '../src/model.js';
import { baseCodeOf } from '../src/parsers/item-code.js';
import { normalizeItemName } from './lib/catalog-names.js';

const norm = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** Level rank (行使层级 code 1–6) named in a text such as 下放至县级 / 设区的市; undefined when none. */
function levelRank(text: string): number | undefined {
  const t = text.replace(/^.*?下放/, '');
  if (/设区的市|地级市|市级|市本级|市（州）|市\(州\)/.test(t)) return 3;
  if (/乡|镇|街道/.test(t)) return 5;
  if (/村|社区/.test(t)) return 6;
  if (/县|区/.test(t)) return 4;
  if (/市|州|盟/.test(t)) return 3;
  if (/省|自治区|直辖市/.test(t)) return 2;
  if (/国家|国务院|中央/.test(t)) return 1;
  return undefined;
}

/** The list entries a guide is for: by 实施编码, by 基本编码, else by name when codes cannot tell. */
function matches(g: Guide, list: CancelledList): { entry: CancelledEntry; by: 'code' | 'name' }[] {
  const code = norm(g.code ?? g.handleCode);
  const base = norm(baseCodeOf(g));
  const found = new Map<number, 'code' | 'name'>();
  for (const c of [code, code.length === 33 ? code.slice(0, 31) : '']) for (const i of (c && list.byCode.get(c)) || []) found.set(i, 'code');
  for (const i of (base && list.byBaseCode.get(base)) || []) found.set(i, 'code');
  const name = normalizeItemName(g.name);
  for (const i of (name && list.byName.get(name)) || []) {
    if (found.has(i)) continue;
    const e = list.entries[i]!;
    // A listed code that differs from the guide's says it is another item of the same name.
    const listedCode = e.code ?? e.baseCode;
    if (!listedCode || (!code && !base)) found.set(i, 'name');
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([i, by]) => ({ entry: list.entries[i]!, by }));
}

export default defineRule<Record<string, never>>({
  meta: {
    id: 'dynamic-management',
    indicator: '事项动态化管理',
    section: 'I',
    description: '取消、下放或合并的事项不应再按原事项发布办事指南（需用 --cancelled 提供取消和调整事项清单，按基本编码或事项名称匹配）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      cancelled: '事项“{{item}}”已由{{document}}取消，仍在发布办事指南',
      delegated: '事项“{{item}}”已由{{document}}下放{{toText}}，{{levelText}}仍在发布办事指南',
      merged: '事项“{{item}}”已由{{document}}合并{{toText}}，仍按原事项发布办事指南',
      adjusted: '事项“{{item}}”已由{{document}}调整（{{kindText}}），仍按调整前的事项发布办事指南',
    },
    suggestions: {
      cancelled: '按{{document}}的要求停止发布该事项的办事指南，并在事项管理系统中将其取消（下架）',
      delegated: '按{{document}}的要求由{{toWho}}实施该事项，本级停止发布办事指南',
      merged: '按{{document}}的要求将其并入{{toWho}}发布，停止单独发布原事项的办事指南',
      adjusted: '按{{document}}的调整要求更新或下架该事项的办事指南',
    },
    examples: { pass: [], fail: [] },
    scored: false,
  },
  // Runs only with a list; then every guide is checked against it.
  applies: (_g, _o, ctx) => ctx.cancelled !== undefined,
  check(g, _o, ctx) {
    const out: RuleFinding[] = [];
    for (const { entry: e, by } of matches(g, ctx.cancelled!)) {
      const target = e.target?.replace(/^(至|到)/, '');
      if (e.kind === 'delegated') {
        // A guide at the level the item went to (or below) is the new implementer's, not a stale one.
        const to = levelRank(`${e.kindText ?? ''}${target ?? ''}`);
        const at = Number(g.levelCode);
        if (to !== undefined && at >= 1 && at <= 6 && at >= to) continue;
      }
      const base = baseCodeOf(g);
      const field = by === 'code' ? (base ? '基本编码' : '实施编码') : '事项名称';
      const value = by === 'code' ? (base ?? g.code ?? g.handleCode) : g.name;
      const data: Record<string, string> = {
        item: e.name ?? g.name ?? base ?? '',
        document: e.document,
        toText: target ? `至${target}` : '',
        toWho: e.kind === 'merged' ? (target ? `“${target}”` : '合并后的事项') : (target ?? '承接的部门'),
        levelText: g.level ? `${g.level}` : '本级',
        kindText: e.kindText ?? '调整',
      };
      out.push({ messageId: e.kind, field, ...(value ? { value } : {}), data });
    }
    return out;
  },
});
