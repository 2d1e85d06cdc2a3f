import { defineSetRule, type SetFinding } from '../src/rule.js';
import { isEmpty, normalize } from '../src/normalize.js';
import { baseCodeOf } from '../src/parsers/item-code.js';
import { lawNameSet, normalizeItemName } from './lib/catalog-names.js';
import { interner } from '../src/memo.js';

type Attr = 'name' | 'type' | 'laws';
/** One guide of a base code: compared values, and the same as written (a run keeps one per guide, so flat). */
interface Member { key: number; name: string; type: string; laws: string; shownName: string; shownType: string }
type State = Map<string, Member[]>;

const value = (m: Member, a: Attr) => m[a];
const shown = (m: Member, a: Attr) => (a === 'name' ? m.shownName : a === 'type' ? m.shownType : m.laws);

// Members of a base code mostly repeat each other's text: keep each distinct text once per state.
const tables = new WeakMap<State, (s: string) => string>();
function member(state: State, m: Member): Member {
  let i = tables.get(state);
  if (!i) tables.set(state, (i = interner()));
  return { key: m.key, name: i(m.name), type: i(m.type), laws: i(m.laws), shownName: i(m.shownName), shownType: i(m.shownType) };
}

const ATTR_FIELD: Record<Attr, string> = { name: '事项名称', type: '事项类型', laws: '设定依据' };

export default defineSetRule<Record<string, never>, State>({
  meta: {
    id: 'element-uniformity',
    indicator: '要素规范统一',
    section: 'E',
    description: '同一基本编码的事项（省、市、县各级实施）须在事项名称、事项类型和设定依据的法规名称上保持一致',
    severity: 'error',
    defaultOptions: {},
    messages: {
      minority: '{{field}}“{{value}}”与同一基本编码（{{baseCode}}）的多数事项（{{majorityCount}}/{{groupSize}}）“{{majority}}”不一致',
      noMajority: '{{field}}“{{value}}”与同一基本编码（{{baseCode}}）的其他事项不一致（共有 {{variants}} 种写法：{{list}}）',
    },
    suggestions: {
      minority: '按国家基本目录统一为“{{majority}}”',
      noMajority: '对照国家基本目录，统一各级事项的{{field}}',
    },
    examples: { pass: [], fail: [] },
    scored: false,
  },
  applies: (g) => baseCodeOf(g) !== undefined,
  init: () => new Map(),
  add(state, g, key) {
    const base = baseCodeOf(g)!;
    const laws = lawNameSet(g);
    const m = member(state, { key, name: normalizeItemName(g.name), type: normalize(g.itemType), laws, shownName: g.name?.trim() ?? '', shownType: g.itemType ?? '' });
    let list = state.get(base);
    if (!list) state.set(base, (list = []));
    list.push(m);
  },
  merge(into, from, offset) {
    for (const [base, members] of from) {
      let list = into.get(base);
      if (!list) into.set(base, (list = []));
      for (const m of members) list.push(member(into, { ...m, key: m.key + offset }));
    }
  },
  finalize(state) {
    const out: SetFinding[] = [];
    for (const [baseCode, members] of [...state].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (members.length < 2) continue;
      for (const attr of ['name', 'type', 'laws'] as Attr[]) {
        // An empty value takes no part (its own rule fails it).
        const withValue = members.filter((m) => !isEmpty(value(m, attr)));
        if (withValue.length < 2) continue;
        const counts = new Map<string, number>();
        for (const m of withValue) counts.set(value(m, attr), (counts.get(value(m, attr)) ?? 0) + 1);
        if (counts.size < 2) continue;
        const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
        const strict = topCount * 2 > withValue.length;
        const shownOf = (v: string) => shown(withValue.find((m) => value(m, attr) === v)!, attr);
        for (const m of withValue) {
          if (strict && value(m, attr) === top) continue;
          const field = ATTR_FIELD[attr];
          const data: Record<string, string | number> = strict
            ? { field, value: shown(m, attr), baseCode, majority: shownOf(top), majorityCount: topCount, groupSize: withValue.length }
            : { field, value: shown(m, attr), baseCode, variants: counts.size, list: [...counts.keys()].map(shownOf).join('；') };
          out.push({ guideKey: m.key, messageId: strict ? 'minority' : 'noMajority', field, value: shown(m, attr), data });
        }
      }
    }
    return out;
  },
});
