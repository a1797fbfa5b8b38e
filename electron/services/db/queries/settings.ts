/** SQL for workspace settings (key → JSON value). */
import type { Reader, Tx } from '../../store/api';

export function readSetting<T>(db: Reader, key: string): T | undefined {
  const r = db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return r ? (JSON.parse(r.value) as T) : undefined;
}

export function writeSetting(tx: Tx, key: string, value: unknown): void {
  tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
}
