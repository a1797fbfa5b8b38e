/** SQL for 退休人员. */
import type { Reader, SqlValue, Tx } from '../../store/api';
import type { Page, Person } from '../../../../shared/types';
import type { Sex } from '../../../../shared/idNumber';

interface PersonRow {
  id: number;
  name: string;
  id_number: string;
  sex: Sex;
  birth_date: string;
  community_id: number;
  community_name: string;
  town_name: string;
  phone: string;
  address: string;
  enterprise: string;
  retired_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.community_id, c.name AS community_name,
         t.name AS town_name, p.phone, p.address, p.enterprise, p.retired_on, p.note, p.created_at, p.updated_at
  FROM persons p JOIN communities c ON c.id = p.community_id JOIN towns t ON t.id = c.town_id`;

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    idNumber: r.id_number,
    sex: r.sex,
    birthDate: r.birth_date,
    communityId: r.community_id,
    communityName: r.community_name,
    townName: r.town_name,
    phone: r.phone,
    address: r.address,
    enterprise: r.enterprise,
    retiredOn: r.retired_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface PersonValues {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  communityId: number;
  phone: string;
  address: string;
  enterprise: string;
  retiredOn: string | null;
  note: string;
}

export function personById(db: Reader, id: number): Person | undefined {
  const r = db.get<PersonRow>(`${SELECT} WHERE p.id = ?`, [id]);
  return r && toPerson(r);
}

export function personByIdNumber(db: Reader, idNumber: string): Person | undefined {
  const r = db.get<PersonRow>(`${SELECT} WHERE p.id_number = ?`, [idNumber]);
  return r && toPerson(r);
}

/** LIKE patterns need their wildcards escaped, or a name containing % would match everything. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function searchPersons(db: Reader, q: { query: string; communityId?: number | undefined; offset: number; limit: number }): Page<Person> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const text = q.query.trim();
  if (text !== '') {
    if (/^\d{4,17}[\dXx]?$/.test(text)) {
      where.push("p.id_number LIKE ? ESCAPE '\\'");
      params.push(`${likeEscape(text.toUpperCase())}%`);
    } else {
      where.push("p.name LIKE ? ESCAPE '\\'");
      params.push(`%${likeEscape(text)}%`);
    }
  }
  if (q.communityId !== undefined) {
    where.push('p.community_id = ?');
    params.push(q.communityId);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM persons p${clause}`, params)?.n ?? 0;
  const rows = db.all<PersonRow>(`${SELECT}${clause} ORDER BY p.id DESC LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
  return { rows: rows.map(toPerson), total };
}

export function listAllPersons(db: Reader): Person[] {
  return db.all<PersonRow>(`${SELECT} ORDER BY p.id`).map(toPerson);
}

export function insertPerson(tx: Tx, v: PersonValues, at: string): number {
  return tx.run(
    `INSERT INTO persons (name, id_number, sex, birth_date, community_id, phone, address, enterprise, retired_on, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.name, v.idNumber, v.sex, v.birthDate, v.communityId, v.phone, v.address, v.enterprise, v.retiredOn, v.note, at, at],
  ).lastInsertRowid;
}

export function updatePerson(tx: Tx, id: number, v: PersonValues, at: string): void {
  tx.run(
    `UPDATE persons SET name = ?, id_number = ?, sex = ?, birth_date = ?, community_id = ?, phone = ?, address = ?,
       enterprise = ?, retired_on = ?, note = ?, updated_at = ? WHERE id = ?`,
    [v.name, v.idNumber, v.sex, v.birthDate, v.communityId, v.phone, v.address, v.enterprise, v.retiredOn, v.note, at, id],
  );
}
