import rule from './handling-hours.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 办理时间: '星期一至星期五：上午9:00-12:00，下午13:00-17:00（法定节假日除外）' } },
    { guide: { 办理时间: '周一至周五 9:00—12:00 13:30—17:30' } },
    { guide: { 办理时间: '工作日：夏季（5月1日至9月30日）8:30-12:00，15:00-18:00；冬季8:30-12:00，14:30-17:30' } },
    { guide: { 办理时间: '法定工作日上午8：30至12：00，下午14：30至17：30' }, name: '全角冒号和“至”' },
    { guide: { 办理时间: '每周一到周五 09:00~17:00' } },
    { guide: { 办理时间: '周一至周五：上午９：００－１２：００，下午１３：００－１７：００' }, name: '全角数字' },
  ],
  invalid: [
    { guide: { 办理时间: '' }, errors: [{ messageId: 'missing', field: '办理时间' }] },
    { guide: { 办理时间: '上午9:00-12:00，下午13:00-17:00' }, errors: ['noWeekCycle'] },
    { guide: { 办理时间: '法定工作日' }, errors: ['noClockRange'] },
    { guide: { 办理时间: '按政务大厅作息时间' }, errors: ['noWeekCycle', 'noClockRange'] },
    { guide: { 办理时间: '周一至周五 上午9:00-12:00，下午2:00-5:00' }, errors: [{ messageId: 'twelveHour', data: { suggestion: '下午14:00-17:00' } }] },
  ],
});
