/** A new, empty encrypted store in a temp folder (no migrations applied), for migration tests. */
import { createKeyring, createStore, generateDataKey } from '../../electron/services/store';
import { tempDir } from './temp';

export async function freshStore() {
  const dir = tempDir();
  const keyring = createKeyring(dir);
  const key = generateDataKey();
  const store = await createStore(dir, keyring, key);
  return { dir, key, store };
}

export function tables(store: { all<T>(sql: string): T[] }): string[] {
  return store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").map((r) => r.name);
}
