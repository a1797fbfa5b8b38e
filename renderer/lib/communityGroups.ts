/** Communities grouped under their town, both in code order, for selects and the tree. */
import type { Community, Town } from '../../shared/types';

export interface TownGroup {
  townId: number;
  townName: string;
  townCode: string;
  communities: Community[];
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true });

export function groupByTown(communities: Community[], towns: Town[] = []): TownGroup[] {
  const groups = new Map<number, TownGroup>();
  for (const t of [...towns].sort(byCode)) groups.set(t.id, { townId: t.id, townName: t.name, townCode: t.code, communities: [] });
  for (const c of communities) {
    let g = groups.get(c.townId);
    if (!g) {
      g = { townId: c.townId, townName: c.townName, townCode: c.townCode, communities: [] };
      groups.set(c.townId, g);
    }
    g.communities.push(c);
  }
  const list = [...groups.values()];
  for (const g of list) g.communities.sort(byCode);
  return list.sort((a, b) => a.townCode.localeCompare(b.townCode, 'en', { numeric: true }));
}
