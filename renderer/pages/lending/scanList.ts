/**
 * Check-out scans against the approved request: each scan must name a file (or 档号/卷号 a volume)
 * of the request, within its approved volumes, and not twice. Pure, so the desk can say at once
 * what is wrong with a scan; the services check again on 确认出库.
 */
import type { RequestFile } from '../../../shared/lendingTypes';
import { normaliseScan } from './scanInput';

export function splitScan(raw: string): { archiveNo: string; volume: number | null } {
  const s = normaliseScan(raw).replace(/／/g, '/');
  const m = /^(.+?)\/(\d{1,3})$/.exec(s);
  return m ? { archiveNo: m[1] ?? '', volume: Number(m[2]) } : { archiveNo: s, volume: null };
}

export type ScanResult = { ok: true; scan: string; label: string } | { ok: false; message: string };

export function checkScan(raw: string, files: RequestFile[], already: string[]): ScanResult {
  const { archiveNo, volume } = splitScan(raw);
  if (archiveNo === '') return { ok: false, message: '请扫描或输入档号。' };
  const file = files.find((f) => normaliseScan(f.archiveNo) === archiveNo);
  if (!file) return { ok: false, message: `档案 ${archiveNo} 不在这份申请批准的范围内，不能出库。` };
  if (file.checkedOutAt && !file.returnedAt) return { ok: false, message: `档案 ${file.archiveNo}（${file.name}）已出库，尚未归还。` };
  if (volume !== null && file.volumes.length > 0 && !file.volumes.includes(volume)) {
    return { ok: false, message: `档案 ${file.archiveNo} 批准的是第 ${file.volumes.join('、')} 卷，没有批准第 ${volume} 卷。` };
  }
  const scan = volume === null ? file.archiveNo : `${file.archiveNo}/${volume}`;
  if (already.includes(scan) || (volume !== null && already.includes(file.archiveNo))) return { ok: false, message: `${scan} 已扫描过。` };
  const label = volume === null ? `${file.archiveNo} ${file.name}（${file.scope}）` : `${file.archiveNo} ${file.name} 第 ${volume} 卷`;
  return { ok: true, scan, label };
}
