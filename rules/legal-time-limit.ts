import { z } from 'zod';
import { defineRule } from '../src/rule.js';
import { isPermit } from '../src/model.js';
import { checkLimit, LIMIT_MESSAGES, LIMIT_SUGGESTIONS } from './lib/time-limit.js';

const Options = z.object({ naturalPerWork: z.number().positive(), noneAllowedForNonPermit: z.boolean() }).partial().strict();
type Options = { naturalPerWork: number; noneAllowedForNonPermit: boolean };

export default defineRule<Options>({
  meta: {
    id: 'legal-time-limit',
    indicator: '法定办结时限',
    section: 'A',
    description: '法定办结时限须明确标注期限并说明是工作日还是自然日，且与法定办结时限说明一致',
    severity: 'error',
    options: Options,
    // [decision] 无法定时限 passes for non-行政许可 items (行政许可法 always sets a limit).
    defaultOptions: { naturalPerWork: 7 / 5, noneAllowedForNonPermit: true },
    messages: LIMIT_MESSAGES,
    suggestions: LIMIT_SUGGESTIONS,
    examples: {
      pass: [
        { title: '数字加单位', guide: { 法定办结时限: '20', 法定办结时限单位: '工作日' } },
        { title: '中文数字', guide: { 法定办结时限: '二十个工作日' } },
        { title: '即办视为0天', guide: { 法定办结时限: '即办' } },
        { title: '说明含延长期限', guide: { 法定办结时限: '20个工作日', 法定办结时限说明: '自受理之日起20个工作日内作出决定，经批准可延长10个工作日' } },
        { title: '非行政许可事项无法定时限', guide: { 事项类型: '公共服务', 法定办结时限: '无' } },
      ],
      fail: [
        { title: '未填写', guide: { 法定办结时限: '' } },
        { title: '只有数字没有单位', guide: { 法定办结时限: '20' } },
        { title: '“日”“天”“月”不说明工作日或自然日', guide: { 法定办结时限: '20日' } },
        { title: '行政许可写“无”', guide: { 事项类型: '行政许可', 法定办结时限: '无' } },
        { title: '与说明不一致', guide: { 法定办结时限: '66', 法定办结时限单位: '工作日', 法定办结时限说明: '受理之日起20个工作日' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const noneAllowed = o.noneAllowedForNonPermit && !isPermit(g);
    return checkLimit(g.legalLimit, '法定办结时限', noneAllowed, o.naturalPerWork).findings;
  },
});
