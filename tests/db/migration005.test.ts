/** 005 storage: rooms, units, shelves (unique positions, width XOR volumes), places, runs, stocktakes. */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/services/db/migrations';
import { openStore } from '../../electron/services/store';
import { freshStore, tables } from '../helpers/freshStore';

const T = '2026-11-22T00:00:00.000Z';

describe('migration 005 storage', () => {
  it('adds the storage tables, refuses duplicate positions and ambiguous capacity, and survives reopen', async () => {
    const { dir, key, store } = await freshStore();
    migrate(store, T, 4);
    expect(migrate(store, T, 5)).toEqual([5]);
    expect(tables(store)).toEqual(expect.arrayContaining(['storage_rooms', 'storage_units', 'storage_shelves', 'storage_places', 'storage_runs', 'storage_settings', 'stocktakes', 'stocktake_scans']));
    store.write((tx) => {
      tx.run("INSERT INTO storage_rooms (name, kind, area_m2, sort) VALUES ('一号库房', 'storage', 120, 1)");
      tx.run("INSERT INTO storage_units (room_id, name, sort) VALUES (1, '1号密集架', 1)");
      tx.run("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, width_mm, ord) VALUES (1, 1, 1, 1, 'A', 900, 1)");
    });
    const insert = (sql: string) => () => store.write((tx) => tx.run(sql));
    expect(insert("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, width_mm, ord) VALUES (1, 1, 1, 1, 'A', 900, 2)")).toThrow();
    expect(insert("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, width_mm, capacity_volumes, ord) VALUES (1, 1, 1, 2, 'A', 900, 60, 2)")).toThrow();
    expect(insert("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, ord) VALUES (1, 1, 1, 2, 'A', 2)")).toThrow();
    expect(insert("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, width_mm, ord) VALUES (1, 1, 1, 2, 'C', 900, 2)")).toThrow();
    expect(insert("INSERT INTO storage_rooms (name, kind, sort) VALUES ('一号库房', 'storage', 2)")).toThrow();
    expect(insert("INSERT INTO storage_rooms (name, kind, sort) VALUES ('仓库', 'garage', 2)")).toThrow();
    store.write((tx) => tx.run("INSERT INTO storage_shelves (unit_id, row_no, section_no, level_no, side, capacity_volumes, ord) VALUES (1, 1, 1, 2, 'B', 60, 2)"));
    await store.close();

    const again = await openStore(dir, key);
    expect(schemaVersion(again)).toBeGreaterThanOrEqual(5);
    expect(again.all('SELECT side, width_mm, capacity_volumes FROM storage_shelves ORDER BY ord')).toEqual([
      { side: 'A', width_mm: 900, capacity_volumes: null },
      { side: 'B', width_mm: null, capacity_volumes: 60 },
    ]);
    await again.close();
  });
});
