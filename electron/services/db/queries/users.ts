/** SQL for 用户 (accounts). Passwords are not here: they live only as key slots in the keyring. */
import type { Reader, Tx } from '../../store/api';
import type { User } from '../../../../shared/types';
import type { Role } from '../../../../shared/roles';

interface UserRow {
  id: number;
  name: string;
  display_name: string;
  role: Role;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
}

const COLS = 'id, name, display_name, role, disabled, created_at, last_login_at';

function toUser(r: UserRow): User {
  return {
    id: r.id,
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export function listUsers(db: Reader): User[] {
  return db.all<UserRow>(`SELECT ${COLS} FROM users ORDER BY id`).map(toUser);
}

export function userById(db: Reader, id: number): User | undefined {
  const r = db.get<UserRow>(`SELECT ${COLS} FROM users WHERE id = ?`, [id]);
  return r && toUser(r);
}

export function userByName(db: Reader, name: string): User | undefined {
  const r = db.get<UserRow>(`SELECT ${COLS} FROM users WHERE name = ? COLLATE NOCASE`, [name]);
  return r && toUser(r);
}

export function firstAdmin(db: Reader): User | undefined {
  const r = db.get<UserRow>(`SELECT ${COLS} FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`);
  return r && toUser(r);
}

export function countActiveAdmins(db: Reader): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")?.n ?? 0;
}

export function insertUser(tx: Tx, u: { name: string; displayName: string; role: Role; createdAt: string }): number {
  return tx.run('INSERT INTO users (name, display_name, role, disabled, created_at) VALUES (?, ?, ?, 0, ?)', [
    u.name,
    u.displayName,
    u.role,
    u.createdAt,
  ]).lastInsertRowid;
}

export function updateUser(tx: Tx, id: number, u: { displayName: string; role: Role; disabled: boolean }): void {
  tx.run('UPDATE users SET display_name = ?, role = ?, disabled = ? WHERE id = ?', [u.displayName, u.role, u.disabled ? 1 : 0, id]);
}

export function recordLogin(tx: Tx, id: number, at: string): void {
  tx.run('UPDATE users SET last_login_at = ? WHERE id = ?', [at, id]);
}
