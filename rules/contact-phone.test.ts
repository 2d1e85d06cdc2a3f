import rule from './contact-phone.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 咨询电话: '0393-6661882' } },
    { guide: { 咨询电话: '010-12345678' } },
    { guide: { 咨询电话: '13812345678' } },
    { guide: { 咨询电话: '0393-12345' } },
    { guide: { 咨询电话: '12345' } },
    { guide: { 咨询电话: '400-810-5050' } },
    { guide: { 咨询电话: '咨询电话：0393-6661882；监督电话：0393-12345' } },
    { guide: { 咨询电话: '0393-6661882、0393-6661883' } },
    { guide: { 联系电话: '0393-6661882', 监督投诉电话: '0393-12345' } },
    { guide: { window: [{ transact_addr: 'x', window_tel: '0393-6661882' }] }, name: '窗口电话' },
  ],
  invalid: [
    { guide: { 咨询电话: '', 监督投诉电话: '0393-12345' }, errors: [{ messageId: 'missing', field: '咨询电话' }] },
    { guide: {}, errors: ['missing'] },
    { guide: { 咨询电话: '6428820' }, errors: [{ messageId: 'noAreaCode', data: { raw: '6428820' } }] },
    { guide: { 咨询电话: '0777—6428820' }, errors: [{ messageId: 'badSeparator', data: { fixed: '0777-6428820' } }] },
    { guide: { 咨询电话: '0777－6428820' }, errors: [{ messageId: 'badSeparator', data: { fixed: '0777-6428820' } }] },
    { guide: { 咨询电话: '0393-666188' }, errors: ['badLength'] },
    { guide: { 咨询电话: '窗口咨询' }, errors: ['noNumber'] },
    { guide: { 咨询电话: '0393-6661882', 监督投诉电话: '6661883' }, errors: [{ messageId: 'noAreaCode', field: '监督投诉电话' }], name: '投诉电话格式也检查' },
  ],
});
