/**
 * 查（借）阅审批表 for one request: the classic bordered form — requesting unit and letter, the
 * readers, the files asked for, purpose and period, who entered it, each approval level's opinion
 * with signature and date, and the check-out / return registration. Blank where not yet done, so
 * the same form can be printed at request time and filled in by hand.
 */
import { Flow } from '../pdf/flow';
import { cnDate, cnDateTime } from '../pdf/format';
import { formRow } from '../pdf/formGrid';
import type { LendingFormDoc } from '../types';

const dt = (s: string | undefined): string => cnDateTime(s);
const NOTICE =
  '注：1. 本人及直系亲属的档案不得查（借）阅。2. 查（借）阅人不得涂改、圈划、折叠、抽取、拆散档案材料，复制须经批准。3. 借出档案须按期归还，逾期将书面催还。';

export async function lendingForm(d: LendingFormDoc): Promise<Uint8Array> {
  const flow = new Flow({ title: `查（借）阅审批表 ${d.requestNo}`, margin: { top: 16, bottom: 16, left: 16, right: 16 } });
  flow.heading('查（借）阅审批表', 18);
  flow.paragraph(`编号：${d.requestNo}`, { size: 10, align: 'right' });
  flow.space(1);
  const L = (text: string, span: number) => ({ text, span, label: true });
  const V = (text: string, span: number) => ({ text, span });

  formRow(flow, [L('申请单位', 2), V(d.unit, 5), L('介绍信编号', 2), V(d.letterNo, 3)]);
  formRow(flow, [L('查借阅类型', 2), V(d.type, 5), L('申请期限', 2), V(d.period, 3)]);

  formRow(flow, [L('查（借）阅人信息', 1)], { minH: 7 });
  const readerSpans = [2, 3.4, 2.8, 1.4, 1.4, 2];
  formRow(flow, ['姓名', '身份证号', '工作单位', '职务', '政治面貌', '联系电话'].map((t, i) => L(t, readerSpans[i] ?? 1)), { minH: 7, size: 9.5 });
  const readers = d.readers.length ? d.readers : [{ name: '', idNumber: '', unit: '', post: '', political: '', contact: '' }];
  for (const r of readers) formRow(flow, [r.name, r.idNumber, r.unit, r.post, r.political, r.contact].map((t, i) => V(t, readerSpans[i] ?? 1)), { size: 9.5 });

  formRow(flow, [L('所查（借）档案', 1)], { minH: 7 });
  const fileSpans = [3.2, 2, 3.4, 4.4];
  formRow(flow, ['档案号', '姓名', '身份证号', '查阅范围'].map((t, i) => L(t, fileSpans[i] ?? 1)), { minH: 7, size: 9.5 });
  const files = d.files.length ? d.files : [{ archiveNo: '', name: '', idNumber: '', scope: '' }];
  for (const f of files) formRow(flow, [f.archiveNo, f.name, f.idNumber, f.scope || '全部'].map((t, i) => V(t, fileSpans[i] ?? 1)), { size: 9.5 });

  formRow(flow, [L('查借阅目的', 2), V(d.purpose, 10)], { minH: 14 });
  formRow(flow, [L('经办人', 2), V(d.enteredBy, 4), L('登记时间', 2), V(dt(d.enteredAt), 4)]);

  const approvals = d.approvals.length ? d.approvals : [{ level: '审批', by: '', at: '', decision: '', opinion: '' }];
  for (const a of approvals) {
    const opinion = [a.decision, a.opinion].filter(Boolean).join('：');
    const foot = `签名：${a.by || '\u3000\u3000\u3000\u3000\u3000\u3000'}\u3000\u3000日期：${a.at ? dt(a.at) : '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'}`;
    formRow(flow, [L(`${a.level}意见`, 2), { text: opinion, span: 10, foot }], { minH: 22 });
  }

  formRow(flow, [L('借出与归还登记', 1)], { minH: 7 });
  formRow(flow, [L('借出经办', 1.5), V(d.checkout?.by ?? '', 2), L('借出时间', 1.5), V(dt(d.checkout?.at), 3.2), L('应还日期', 1.5), V(d.checkout ? cnDate(d.checkout.due) : '', 2.3)]);
  formRow(flow, [L('归还人', 1.5), V(d.returned?.by ?? '', 2), L('归还时间', 1.5), V(dt(d.returned?.at), 3.2), L('归还状况', 1.5), V(d.returned?.condition ?? '', 2.3)]);
  flow.space(3);
  flow.paragraph(NOTICE, { size: 9 });
  return flow.finish();
}
