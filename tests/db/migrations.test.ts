/** One test per numbered migration: it applies on a real encrypted store and survives a reopen. */
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion, splitStatements } from '../../electron/services/db/migrations';
import { openStore } from '../../electron/services/store';
import { freshStore, tables } from '../helpers/freshStore';

describe('migrations', () => {
  it('are numbered 1..n without gaps, in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates the catalogue tables, enforces its constraints, and is journaled (survives reopen)', async () => {
    const { dir, key, store } = await freshStore();
    expect(schemaVersion(store)).toBe(0);
    expect(migrate(store, '2026-11-21T00:00:00.000Z', 1)).toEqual([1]);
    expect(tables(store)).toEqual(
      expect.arrayContaining(['users', 'towns', 'communities', 'persons', 'item_list', 'settings', 'audit_log', 'audit_head', 'schema_migrations']),
    );
    store.write((tx) => {
      tx.run("INSERT INTO towns (code, name) VALUES ('01', '城关街道')");
      tx.run("INSERT INTO communities (town_id, code, name) VALUES (1, '001', '东风社区')");
      tx.run(
        "INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('张三', '11010519491231002X', 'F', '1949-12-31', 1, 't', 't')",
      );
    });
    // Duplicate ID numbers and unknown roles are refused by the schema itself.
    expect(() =>
      store.write((tx) =>
        tx.run("INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('李四', '11010519491231002X', 'M', '1949-12-31', 1, 't', 't')"),
      ),
    ).toThrow();
    expect(() => store.write((tx) => tx.run("INSERT INTO users (name, display_name, role, created_at) VALUES ('x', 'x', 'boss', 't')"))).toThrow();
    await store.close();

    const reopened = await openStore(dir, key);
    expect(schemaVersion(reopened)).toBe(1);
    expect(reopened.get<{ n: number }>('SELECT count(*) AS n FROM persons')?.n).toBe(1);
    expect(migrate(reopened, '2026-11-22T00:00:00.000Z')).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    await reopened.close();
  });

  it('002 adds volumes and pages, links the item list, and keeps version-1 rows (each item gets a volume)', async () => {
    const { dir, key, store } = await freshStore();
    migrate(store, '2026-11-21T00:00:00.000Z', 1);
    store.write((tx) => {
      tx.run("INSERT INTO towns (code, name) VALUES ('01', '城关街道')");
      tx.run("INSERT INTO communities (town_id, code, name) VALUES (1, '001', '东风社区')");
      tx.run(
        "INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('张三', '11010519491231002X', 'F', '1949-12-31', 1, '2026-01-01T00:00:00.000Z', 't')",
      );
      tx.run(
        "INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('李四', '110105195001010019', 'M', '1950-01-01', 1, '2026-01-02T00:00:00.000Z', 't')",
      );
      tx.run("INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, formed_on, pages) VALUES (1, 1, '1', 1, '履历表', '1980-01-02', 3)");
      tx.run("INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, pages) VALUES (1, 1, '4', 1, '学历证明', 2)");
      tx.run("INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, pages) VALUES (1, 2, '9', 1, '退休审批表', 1)");
      tx.run("INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, pages) VALUES (2, 1, '4-1', 1, '毕业证书', 1)");
    });
    const before = store.all('SELECT id, person_id, volume_no, class_code, item_no, title, formed_on, pages, note FROM item_list ORDER BY id');
    await store.close();

    const reopened = await openStore(dir, key);
    expect(migrate(reopened, '2026-11-22T00:00:00.000Z', 2)).toEqual([2]);
    expect(tables(reopened)).toEqual(expect.arrayContaining(['volumes', 'pages', 'retired_blobs']));
    // Every old column and value is still there.
    expect(reopened.all('SELECT id, person_id, volume_no, class_code, item_no, title, formed_on, pages, note FROM item_list ORDER BY id')).toEqual(before);
    const volumes = reopened.all<{ id: number; person_id: number; volume_no: number; scheme: string; status: string; created_at: string }>(
      'SELECT id, person_id, volume_no, scheme, status, created_at FROM volumes ORDER BY id',
    );
    expect(volumes).toEqual([
      { id: 1, person_id: 1, volume_no: 1, scheme: 'enterprise', status: 'scanning', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 2, person_id: 1, volume_no: 2, scheme: 'enterprise', status: 'scanning', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 3, person_id: 2, volume_no: 1, scheme: 'cadre', status: 'scanning', created_at: '2026-01-02T00:00:00.000Z' },
    ]);
    expect(reopened.all<{ volume_id: number }>('SELECT volume_id FROM item_list ORDER BY id').map((r) => r.volume_id)).toEqual([1, 1, 2, 3]);
    // The new constraints hold: one volume number per person, known page kinds only.
    expect(() => reopened.write((tx) => tx.run("INSERT INTO volumes (person_id, volume_no, scheme, created_at, updated_at) VALUES (1, 1, 'cadre', 't', 't')"))).toThrow();
    expect(() =>
      reopened.write((tx) =>
        tx.run(
          "INSERT INTO pages (volume_id, position, source, kind, image_blob, thumb_blob, sha256, width, height, dpi, created_at, updated_at) VALUES (1, 1, 'a.jpg', 'photo', 'x', 'y', 'z', 1, 1, 300, 't', 't')",
        ),
      ),
    ).toThrow();
    await reopened.close();

    // The upgrade was journaled: a second open sees version 2 and the linked rows.
    const again = await openStore(dir, key);
    expect(schemaVersion(again)).toBe(2);
    expect(again.get<{ n: number }>('SELECT count(*) AS n FROM item_list WHERE volume_id IS NOT NULL')?.n).toBe(4);
    await again.close();
  });

  it('refuses a database from a newer program version instead of guessing', async () => {
    const { store } = await freshStore();
    migrate(store, 't');
    store.write((tx) => tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 't')"));
    expect(() => migrate(store, 't')).toThrow(/较新版本/);
    await store.close();
  });

  it('splits scripts into statements and drops comments', () => {
    expect(splitStatements('CREATE TABLE a (x);\n-- note\nCREATE TABLE b (y);\n')).toEqual(['CREATE TABLE a (x)', 'CREATE TABLE b (y)']);
  });
});
