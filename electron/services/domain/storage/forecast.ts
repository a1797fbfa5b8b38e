/** Pure capacity arithmetic: fill figures, the date a room is full at the current rate, compliance checks. */
import type { ComplianceCheck, FillFigures, Room, StorageSettings } from '../../../../shared/storageTypes';

export function fill(capacityMm: number, usedMm: number, reservedMm: number, files: number, volumes: number): FillFigures {
  return { capacityMm, usedMm, freeMm: Math.max(0, capacityMm - usedMm), reservedMm, fill: capacityMm > 0 ? usedMm / capacityMm : 0, files, volumes };
}

/** Date the free space is used up at `mmPerMonth`; null when nothing grows (or nothing is free to fill). */
export function forecastFullOn(today: string, freeMm: number, mmPerMonth: number): string | null {
  if (mmPerMonth <= 0) return null;
  const days = Math.floor((freeMm / mmPerMonth) * 30.44);
  if (days > 365 * 200) return null;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const wan = (v: number) => `${(v / 10000).toFixed(2)} 万卷`;

export function complianceChecks(rooms: Room[], volumes: number, c: StorageSettings['compliance']): ComplianceCheck[] {
  const storageArea = rooms.filter((r) => r.kind === 'storage').reduce((s, r) => s + r.areaM2, 0);
  const needArea = Math.round(((volumes / 10000) * c.areaM2Per10k) * 10) / 10;
  const needKeepers = volumes === 0 ? 0 : Math.ceil(volumes / c.volumesPerKeeper);
  const kinds = new Set(rooms.map((r) => r.kind));
  const missingKinds = [['storage', '库房'], ['reading', '阅档室'], ['office', '办公室']].filter(([k]) => !kinds.has(k as Room['kind'])).map(([, n]) => n);
  return [
    {
      key: 'area',
      title: '库房面积',
      pass: storageArea >= needArea,
      actual: storageArea,
      required: needArea,
      detail: `库房面积 ${storageArea} m²，需 ≥ ${needArea} m²（${wan(volumes)} × ${c.areaM2Per10k} m²/万卷）`,
    },
    {
      key: 'keepers',
      title: '专职管理人员',
      pass: c.keepers >= needKeepers,
      actual: c.keepers,
      required: needKeepers,
      detail: `现有 ${c.keepers} 人，需 ≥ ${needKeepers} 人（每 ${c.volumesPerKeeper / 10000} 万卷 1 人，现 ${wan(volumes)}）`,
    },
    {
      key: 'separateRooms',
      title: '库房、阅档室、办公室分开',
      pass: missingKinds.length === 0,
      actual: 3 - missingKinds.length,
      required: 3,
      detail: missingKinds.length === 0 ? '库房、阅档室、办公室均已单独设置' : `缺少：${missingKinds.join('、')}（请在“库房与密集架”中登记）`,
    },
  ];
}
