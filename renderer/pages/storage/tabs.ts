/** The 库房管理 tabs and their Alt+digit shortcuts (pure, so the key mapping is testable). */
import type { KeyLike } from '../../lib/keys';

export type StorageTab = 'rooms' | 'placement' | 'locate' | 'capacity' | 'labels' | 'stocktake';

export const TABS: { key: StorageTab; label: string }[] = [
  { key: 'rooms', label: '库房与密集架' },
  { key: 'placement', label: '排架' },
  { key: 'locate', label: '查找' },
  { key: 'capacity', label: '容量' },
  { key: 'labels', label: '标签' },
  { key: 'stocktake', label: '盘点' },
];

/** Alt+1 … Alt+6 (by code too: some layouts type other characters with Alt). */
export function tabFromKey(e: KeyLike): StorageTab | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const digit = /^Digit([1-6])$/.exec(e.code ?? '')?.[1] ?? (/^[1-6]$/.test(e.key) ? e.key : null);
  return digit ? (TABS[Number(digit) - 1]?.key ?? null) : null;
}
