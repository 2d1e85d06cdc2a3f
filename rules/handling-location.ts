import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { analyzeAddress, splitLocations, type AddressComponent } from '../src/parsers/address.js';

const COMPONENTS = ['街道名称', '门牌号', '窗口号或房间号'] as const;
const Options = z.object({ required: z.array(z.enum(COMPONENTS)).min(1) }).partial().strict();
type Options = { required: AddressComponent[] };

export default defineRule<Options>({
  meta: {
    id: 'handling-location',
    indicator: '办理地点',
    section: 'A',
    description: '办理地点须写明街道名称、门牌号，以及窗口号或房间号（多个地点逐一检查）',
    severity: 'error',
    options: Options,
    // [decision] all three components required.
    defaultOptions: { required: [...COMPONENTS] },
    messages: {
      missing: '未标注办理地点',
      incomplete: '办理地点“{{value}}”缺少{{missing}}',
    },
    suggestions: {
      missing: '按“XX市XX路XX号XX中心X楼X号窗口”的格式填写办理地点',
      incomplete: '补全{{missing}}，如“XX市XX路XX号市民之家3楼B区12号窗口”',
    },
    examples: {
      pass: [
        { title: '街道、门牌号、窗口号齐全', guide: { 办理地点: '江州市滨江大道188号市民之家3楼B区12号窗口' } },
        { title: '房间号代替窗口号', guide: { 办理地点: '江州市人民路20号政务服务中心4楼403室' } },
      ],
      fail: [
        { title: '未填写', guide: { 办理地点: '' } },
        { title: '没有门牌号', guide: { 办理地点: '人民路与开州路交叉口向北200米路东，原检察院4楼403房间' } },
        { title: '窗口没有编号', guide: { 办理地点: '中原路10号行政服务中心一楼综合窗口' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const field = '办理地点';
    const places = g.windows.map((w) => w.address).filter((a): a is string => !isEmpty(a));
    const list = places.length ? places.flatMap((a) => splitLocations(a)) : isEmpty(g.address) ? [] : splitLocations(g.address!);
    if (list.length === 0) return [{ messageId: 'missing', field }];
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const place of list) {
      if (seen.has(place)) continue;
      seen.add(place);
      const missing = analyzeAddress(place).missing.filter((m) => o.required.includes(m));
      if (missing.length) out.push({ messageId: 'incomplete', field, value: place, data: { value: place, missing: missing.join('、') } });
    }
    return out;
  },
});
