/** SQL for 乡镇（街道） and 社区. */
import type { Reader, Tx } from '../../store/api';
import type { Community, Town } from '../../../../shared/types';

interface CommunityRow {
  id: number;
  town_id: number;
  town_name: string;
  town_code: string;
  code: string;
  name: string;
  person_count: number;
}

const COMMUNITY_SELECT = `
  SELECT c.id, c.town_id, t.name AS town_name, t.code AS town_code, c.code, c.name,
         (SELECT count(*) FROM persons p WHERE p.community_id = c.id) AS person_count
  FROM communities c JOIN towns t ON t.id = c.town_id`;

function toCommunity(r: CommunityRow): Community {
  return {
    id: r.id,
    townId: r.town_id,
    townName: r.town_name,
    townCode: r.town_code,
    code: r.code,
    name: r.name,
    personCount: r.person_count,
  };
}

export function listTowns(db: Reader): Town[] {
  return db.all<Town>('SELECT id, code, name FROM towns ORDER BY code');
}

export function townById(db: Reader, id: number): Town | undefined {
  return db.get<Town>('SELECT id, code, name FROM towns WHERE id = ?', [id]);
}

export function townByCodeOrName(db: Reader, code: string, name: string): Town | undefined {
  return db.get<Town>('SELECT id, code, name FROM towns WHERE code = ? OR name = ? LIMIT 1', [code, name]);
}

export function insertTown(tx: Tx, t: { code: string; name: string }): number {
  return tx.run('INSERT INTO towns (code, name) VALUES (?, ?)', [t.code, t.name]).lastInsertRowid;
}

export function updateTown(tx: Tx, id: number, t: { code: string; name: string }): void {
  tx.run('UPDATE towns SET code = ?, name = ? WHERE id = ?', [t.code, t.name, id]);
}

export function listCommunities(db: Reader, townId?: number): Community[] {
  const rows =
    townId === undefined
      ? db.all<CommunityRow>(`${COMMUNITY_SELECT} ORDER BY t.code, c.code`)
      : db.all<CommunityRow>(`${COMMUNITY_SELECT} WHERE c.town_id = ? ORDER BY c.code`, [townId]);
  return rows.map(toCommunity);
}

export function communityById(db: Reader, id: number): Community | undefined {
  const r = db.get<CommunityRow>(`${COMMUNITY_SELECT} WHERE c.id = ?`, [id]);
  return r && toCommunity(r);
}

/** Communities with this name; more than one means the caller must also name the town. */
export function communitiesByName(db: Reader, name: string): Community[] {
  return db.all<CommunityRow>(`${COMMUNITY_SELECT} WHERE c.name = ? ORDER BY t.code`, [name]).map(toCommunity);
}

export function communityClash(db: Reader, townId: number, code: string, name: string, exceptId: number): Community | undefined {
  const r = db.get<CommunityRow>(`${COMMUNITY_SELECT} WHERE c.town_id = ? AND (c.code = ? OR c.name = ?) AND c.id <> ? LIMIT 1`, [
    townId,
    code,
    name,
    exceptId,
  ]);
  return r && toCommunity(r);
}

export function insertCommunity(tx: Tx, c: { townId: number; code: string; name: string }): number {
  return tx.run('INSERT INTO communities (town_id, code, name) VALUES (?, ?, ?)', [c.townId, c.code, c.name]).lastInsertRowid;
}

export function updateCommunity(tx: Tx, id: number, c: { townId: number; code: string; name: string }): void {
  tx.run('UPDATE communities SET town_id = ?, code = ?, name = ? WHERE id = ?', [c.townId, c.code, c.name, id]);
}
