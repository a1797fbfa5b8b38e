/** How one page's state reads in the strip and viewer. */
import type { ClassScheme } from '../../../shared/archiveClasses';
import type { PageKind } from '../../../shared/pageCounting';
import type { PageInfo, Volume } from '../../../shared/types';

export const KIND_LABELS: Record<PageKind, string> = { page: '正文', blank: '空白', cover: '封面' };

export const OCR_LABELS: Record<PageInfo['ocr'], string> = {
  pending: '识别中',
  done: '已识别',
  failed: '识别失败',
  skipped: '未识别',
};

export const SCHEME_SHORT: Record<ClassScheme, string> = { enterprise: '企业职工', cadre: '干部' };

export const VOLUME_STATUS_LABELS: Record<Volume['status'], string> = { scanning: '扫描中', accepted: '已验收' };

/** Short flags under a thumbnail; the printed number is shown separately. */
export function pageFlags(p: Pick<PageInfo, 'kind' | 'colour' | 'rotation' | 'ocr'>): string[] {
  const flags: string[] = [];
  if (p.kind !== 'page') flags.push(KIND_LABELS[p.kind]);
  if (p.colour) flags.push('彩色');
  if (p.rotation !== 0) flags.push(`转 ${p.rotation}°`);
  if (p.ocr !== 'done' && p.kind === 'page') flags.push(OCR_LABELS[p.ocr]);
  return flags;
}

export function printedNumberLabel(n: number | null): string {
  return n === null ? '页码未读出' : `第 ${n} 页`;
}

export function volumeTitle(v: Pick<Volume, 'personName' | 'volumeNo' | 'archiveNo'>): string {
  return `${v.personName} · 第 ${v.volumeNo} 卷${v.archiveNo ? ` · 档号 ${v.archiveNo}` : ''}`;
}
