import { defineRule } from '../src/rule.js';
import { baseCodeOf } from '../src/parsers/item-code.js';
import { normalizeItemName } from './lib/catalog-names.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'national-catalog',
    indicator: '国家基本目录对应情况',
    section: 'E',
    description: '基本编码以 00 开头（国家基本目录）的事项须在国家基本目录中，且事项名称与目录一致（需用 --catalog 提供目录）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      notInCatalog: '基本编码“{{baseCode}}”不在国家基本目录中',
      nameDiffers: '事项名称“{{name}}”与国家基本目录中基本编码 {{baseCode}} 的名称“{{catalogName}}”不一致',
    },
    suggestions: {
      notInCatalog: '按最新国家基本目录调整该事项（认领目录事项或更正基本编码）',
      nameDiffers: '事项名称改为目录名称“{{catalogName}}”（可保留层级后缀）',
    },
    examples: { pass: [], fail: [] },
    scored: false,
  },
  // Runs only with a catalogue, and only for national codes (local codes do not start with 00).
  applies: (g, _o, ctx) => ctx.catalog !== undefined && (baseCodeOf(g) ?? '').startsWith('00'),
  check(g, _o, ctx) {
    const baseCode = baseCodeOf(g)!;
    const catalogName = ctx.catalog!.get(baseCode);
    if (catalogName === undefined) return [{ messageId: 'notInCatalog', field: '基本编码', value: baseCode, data: { baseCode } }];
    if (g.name && normalizeItemName(g.name) !== normalizeItemName(catalogName)) {
      return [{ messageId: 'nameDiffers', field: '事项名称', value: g.name, data: { name: g.name, baseCode, catalogName } }];
    }
    return [];
  },
});
