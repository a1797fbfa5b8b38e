/**
 * 国有企业退休人员人事档案转递回执确认表 (domain.md §3, Changsha 附件4): the notice (转递通知) on the
 * top half, the receipt (转递回执) on the bottom half, a cut line between them. The receiver keeps
 * the top and sends the bottom back; the reference in both corners matches a returned receipt to
 * its batch or transfer.
 */
import { AppError } from '../../../../shared/errors';
import { Flow, MM_PER_PT, alignX, baselineIn, lineMm, signatureBlank } from '../pdf/flow';
import { cnDate, cnDateOrBlank } from '../pdf/format';
import { textWidth } from '../pdf/text';
import type { TransferReceiptDoc } from '../types';

const BODY = 12;
const HALF = 297 / 2;

/** 「张三、李四 等 100 名同志（100 册）」; the form names only the first two. */
export function whoPhrase(d: TransferReceiptDoc): string {
  const shown = d.names.slice(0, 2).join('、');
  const more = d.persons > Math.min(2, d.names.length) ? ' 等' : '';
  return `${shown}${more} ${d.persons} 名同志（${d.volumes} 册）`;
}

const rangePhrase = (d: TransferReceiptDoc): string => `（第 ${d.firstNo} 号至 ${d.lastNo} 号）`;

function check(d: TransferReceiptDoc): void {
  const missing = [
    [d.receiverUnit, '接收单位名称'],
    [d.senderUnit, '移交单位'],
    [d.firstNo, '起始档案号'],
    [d.lastNo, '终止档案号'],
  ].filter(([v]) => !v?.trim()).map(([, label]) => label);
  if (d.names.length === 0) missing.push('人员姓名');
  if (missing.length) throw new AppError('VALIDATION', `转递回执确认表缺少${missing.join('、')}，无法打印。请补全后重试。`);
  if (d.persons < 1 || d.volumes < 1) throw new AppError('VALIDATION', `转递回执确认表的人数（${d.persons}）或卷数（${d.volumes}）不正确，应至少为 1。`);
}

export async function transferReceipt(d: TransferReceiptDoc): Promise<Uint8Array> {
  check(d);
  const flow = new Flow({ title: `转递回执确认表 ${d.reference}`, pageNumbers: false, margin: { top: 14, bottom: 10, left: 22, right: 22 } });
  const keep = [...d.names.slice(0, 2), d.firstNo, d.lastNo, d.senderUnit, d.receiverUnit].filter((s) => s.length <= 24);
  const digital = d.withDigitalCopies ? '，包括以上档案配套的电子档案' : '';

  // —— 转递通知 ——
  half(flow, d, 0, '国有企业退休人员人事档案转递通知');
  flow.paragraph(`接收单位名称：${d.receiverUnit}`, { size: BODY, leading: 1.9, keep });
  flow.paragraph(
    `兹将 ${whoPhrase(d)}档案材料${rangePhrase(d)}${digital ? `${digital}，` : ''}转往你单位，请按《企业退休人员人事档案案卷目录》清点查收，并将回执退回至 ${d.senderUnit}。`,
    { size: BODY, leading: 1.9, indent: BODY * 2 * MM_PER_PT, keep },
  );
  flow.space(6);
  rightBlock(flow, [
    { sign: '经办人（签名）' },
    { text: `移交单位（盖章）：${d.senderUnit}` },
    { text: cnDate(d.sentOn) },
  ]);

  if (flow.y > HALF - 3) throw tooLong();
  cutLine(flow);

  // —— 转递回执 ——
  half(flow, d, HALF, '国有企业退休人员人事档案转递回执');
  flow.paragraph(`${d.senderUnit}：`, { size: BODY, leading: 1.9, keep });
  flow.paragraph(
    `你单位于 ${cnDate(d.sentOn)} 转来的 ${whoPhrase(d)}档案材料${rangePhrase(d)}${digital}，已于 ${cnDateOrBlank(d.receivedOn)} 收到，经清点无误。`,
    { size: BODY, leading: 1.9, indent: BODY * 2 * MM_PER_PT, keep },
  );
  flow.space(6);
  rightBlock(flow, [
    { sign: '接收人（签名）' },
    { text: `接收单位（盖章）：${d.receiverUnit}` },
    { text: cnDateOrBlank(d.receivedOn) },
  ]);
  if (flow.doc.pages.length > 1 || flow.y > 297 - 8) throw tooLong();
  return flow.finish();
}

const tooLong = () => new AppError('VALIDATION', '转递回执确认表的单位名称或姓名过长，一页 A4 纸放不下。请缩短后重试。');

/** Title and the corner reference of one half, starting at `top` mm. */
function half(flow: Flow, d: TransferReceiptDoc, top: number, title: string): void {
  const p = flow.page;
  const ref = `编号：${d.reference}`;
  p.text(ref, alignX(ref, flow.left, flow.width, 9, 'right'), top + 14, 9);
  flow.y = top + 18;
  flow.heading(title, 16);
  flow.space(5);
}

type BlockLine = { sign: string } | { text: string };

/** Signature, seal and date lines set to the right, as on the paper form. */
function rightBlock(flow: Flow, lines: BlockLine[]): void {
  const x = flow.left + flow.width * 0.45;
  const w = flow.right - x;
  const h = lineMm(BODY, 2.1);
  for (const l of lines) {
    if ('text' in l) {
      flow.paragraph(l.text, { size: BODY, leading: 2.1, x, w });
      continue;
    }
    signatureBlank(flow.page, l.sign, x, baselineIn(flow.y, h, BODY), w, BODY, false);
    flow.y += h;
  }
}

/** 「-----沿此线剪开-----」 across the middle of the page. */
function cutLine(flow: Flow): void {
  const p = flow.page;
  const label = '-----沿此线剪开-----';
  const size = 9;
  const tw = textWidth(label, size) * MM_PER_PT;
  const cx = p.w / 2;
  p.line(8, HALF, cx - tw / 2 - 2, HALF, 0.5, [3, 2]);
  p.text(label, cx - tw / 2, HALF + 1.2, size);
  p.line(cx + tw / 2 + 2, HALF, p.w - 8, HALF, 0.5, [3, 2]);
}
