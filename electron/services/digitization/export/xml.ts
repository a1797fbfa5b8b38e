/**
 * 卷内目录.xml: the item list, every image with the item it belongs to (数据挂接), and the sides
 * that were not numbered. Element names are the Chinese column names, as local rules print them.
 */
import { SCHEME_LABELS } from '../../../../shared/archiveClasses';
import type { Catalogue } from './catalogue';

function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

const KIND_LABEL = { blank: '空白', cover: '封面', page: '页' } as const;

export function itemListXml(c: Catalogue): string {
  const v = c.volume;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<卷内目录 档号="${esc(c.archiveNo)}" 姓名="${esc(v.personName)}" 公民身份号码="${esc(v.idNumber)}" 卷号="${v.volumeNo}" ` +
      `分类方案="${esc(SCHEME_LABELS[v.scheme])}" 页数="${c.images.length}">`,
  );
  for (const it of c.items) {
    out.push('  <条目>');
    out.push(`    <序号>${esc(it.serial)}</序号>`);
    out.push(`    <材料名称>${esc(it.title)}</材料名称>`);
    out.push(`    <材料形成时间>${esc(it.formedOn ?? '')}</材料形成时间>`);
    out.push(`    <页数>${it.pages}</页数>`);
    out.push(`    <备注>${esc(it.note)}</备注>`);
    out.push(`    <起始图像>${esc(it.firstImage)}</起始图像>`);
    out.push(`    <终止图像>${esc(it.lastImage)}</终止图像>`);
    out.push('  </条目>');
  }
  out.push('  <图像清单>');
  for (const im of c.images) {
    out.push(`    <图像 页号="${im.seq}" 文件名="${esc(im.fileName)}" 条目序号="${esc(im.itemSerial)}" sha256="${im.page.sha256}"/>`);
  }
  out.push('  </图像清单>');
  if (c.excluded.length > 0) {
    out.push('  <未计页>');
    for (const p of c.excluded) {
      out.push(`    <页面 类型="${KIND_LABEL[p.kind]}" 条带位置="${p.position}" 来源="${esc(p.source)}" sha256="${p.sha256}"/>`);
    }
    out.push('  </未计页>');
  }
  out.push('</卷内目录>');
  return `${out.join('\n')}\n`;
}
