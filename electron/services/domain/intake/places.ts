/** Matches a roster row's 乡镇（街道）/社区 text to a registered community (the same rule as UNKNOWN_COMMUNITY). */
import type { Community } from '../../../../shared/types';
import { normalisePlace } from '../../intake/check/rosterChecks';

export interface PlaceMatcher {
  match(town: string, community: string): Community | null;
}

export function placeMatcher(communities: readonly Community[]): PlaceMatcher {
  const byPair = new Map<string, Community>();
  const byName = new Map<string, Community[]>();
  for (const c of communities) {
    byPair.set(`${normalisePlace(c.townName)}/${normalisePlace(c.name)}`, c);
    const key = normalisePlace(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return {
    match(town, community) {
      const t = normalisePlace(town);
      const c = normalisePlace(community);
      if (!c) return null;
      if (t) return byPair.get(`${t}/${c}`) ?? null;
      // Only the community given: usable when exactly one town has a community of that name.
      const list = byName.get(c) ?? [];
      return list.length === 1 ? (list[0] as Community) : null;
    },
  };
}
