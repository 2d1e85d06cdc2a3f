import rule from './sample-personal-info.js';
import { testRule } from '../test/rule-tester.js';
import { found, material } from '../test/resolutions.js';
import { idCheckChar } from '../src/parsers/personal-info.js';

const g = { 申请材料: [{ 材料名称: '工伤认定申请表', 示例样表: '样表.pdf' }] };
const ID17 = '41010219900307123';
const VALID_ID = ID17 + idCheckChar(ID17);
const WRONG_ID = ID17 + (idCheckChar(ID17) === '0' ? '1' : '0');
// An ID whose check character is X, to test a lower-case x in the text.
const X_ID17 = Array.from({ length: 1000 }, (_, i) => `41010219900307${String(i).padStart(3, '0')}`).find((p) => idCheckChar(p) === 'X')!;
const pdf = (text: string) => material('sample', found('样表.pdf', { kind: 'pdf', readable: true, pages: 1, text }));

testRule(rule, {
  valid: [
    { guide: g, prepare: pdf('申请人：张三  身份证号码：410102********1234  电话：138****5678'), name: '已脱敏' },
    { guide: g, prepare: pdf(`身份证号码：${WRONG_ID}`), name: '校验位不对的18位数字不是身份证号' },
    { guide: g, prepare: pdf('联系电话：0393-6661882'), name: '固定电话不算手机号' },
    { guide: g, prepare: pdf('统一社会信用代码 91410100MA44XXXX0X，编号 202312345678901234567'), name: '更长的数字串不截取' },
  ],
  notApplicable: [
    { guide: g, name: '示例样表文件没有读到' },
    { guide: g, prepare: material('sample', found('样表.pdf', { kind: 'pdf', readable: false, problem: 'encrypted' })) },
  ],
  invalid: [
    { guide: g, prepare: pdf(`身份证号码：${VALID_ID}`), errors: [{ messageId: 'residentId', material: 1, contains: ['410102********'] }] },
    { guide: g, prepare: pdf(`手机：13903906601`), errors: [{ messageId: 'mobile', contains: ['139****6601'] }] },
    { guide: g, prepare: pdf(`身份证 ${VALID_ID.slice(0, 9)} ${VALID_ID.slice(9)} 手机 13903906601 再次 13903906601`), errors: ['residentId', 'mobile'], name: '空格拆开的号码也能识别，同一号码只报一次' },
    { guide: g, prepare: material('sample', found('样表.docx', { kind: 'docx', readable: true, text: `身份证：${X_ID17}x` })), errors: ['residentId'], name: '小写 x 校验位（.docx 样表的文字也检查）' },
  ],
});
