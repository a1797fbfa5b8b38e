/**
 * The archive-number pattern as the settings form previews it while being edited (domain.md §4:
 * prefix - district+town - community - running number, e.g. CCSRS-0102-003-0001). The services
 * issue the real numbers; after saving, the form shows the services' own preview.
 */
import type { NumberingSettings } from '../../../shared/intakeTypes';

export function formatArchiveNo(n: NumberingSettings, townCode: string, communityCode: string, seq: number): string {
  const region = `${n.districtCode}${n.includeTownCode ? townCode : ''}`;
  const parts = [n.prefix, region, n.includeCommunityCode ? communityCode : '', String(seq).padStart(n.sequenceWidth, '0')];
  return parts.filter((p) => p !== '').join(n.separator);
}

/** The running number at the end of a number the services previewed ("…-0007" → 7), 1 if none. */
export function trailingSeq(no: string): number {
  const m = /(\d+)$/.exec(no);
  return m ? Number(m[1]) : 1;
}

/** Without the community code, numbers of different communities in one town would collide. */
export function numberingWarnings(n: NumberingSettings): string[] {
  const out: string[] = [];
  if (!n.includeCommunityCode) out.push('档号中不含社区代码时，不同社区的档号可能重复。编号按社区分别流水，建议保留社区代码。');
  if (!n.includeCommunityCode && !n.includeTownCode) out.push('档号中既不含街道代码也不含社区代码，无法从档号看出档案所在社区。');
  return out;
}

export const SEPARATORS: { value: NumberingSettings['separator']; label: string }[] = [
  { value: '-', label: '短横线 -' },
  { value: '', label: '无分隔符' },
  { value: '/', label: '斜线 /' },
  { value: '.', label: '点 .' },
  { value: '_', label: '下划线 _' },
];
