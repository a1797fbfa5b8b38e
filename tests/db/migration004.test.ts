/** 004 intake: batches with a status flow, roster rows in roster order, desk counts, findings; survives reopen. */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/services/db/migrations';
import { openStore } from '../../electron/services/store';
import { freshStore, tables } from '../helpers/freshStore';

const T = '2026-11-22T00:00:00.000Z';

describe('migration 004 intake', () => {
  it('adds the intake tables with their constraints and keeps the data across reopen', async () => {
    const { dir, key, store } = await freshStore();
    migrate(store, T, 3);
    expect(migrate(store, T, 4)).toEqual([4]);
    expect(tables(store)).toEqual(expect.arrayContaining(['intake_batches', 'intake_roster_rows', 'intake_desk_counts', 'intake_findings']));
    store.write((tx) => {
      tx.run("INSERT INTO intake_batches (batch_no, enterprise, delivered_by, delivered_on, created_at, created_by, updated_at) VALUES ('JS2026-0001', '某某机械厂', '赵六', '2026-11-20', ?, 'admin', ?)", [T, T]);
      tx.run("INSERT INTO intake_roster_rows (batch_id, position, sheet, row, name, id_text, match_id, id_valid) VALUES (1, 1, 'S', 5, '张三', '110105194912310026', '110105194912310026', 1)");
      tx.run("INSERT INTO intake_desk_counts (roster_row_id, batch_id, volumes, pages, counted_at, counted_by) VALUES (1, 1, 1, 30, ?, 'admin')", [T]);
      tx.run("INSERT INTO intake_findings (batch_id, source, code, severity, roster_row_id, message, created_at) VALUES (1, 'desk', 'DESK_PAGES_MISMATCH', 'error', 1, '页数不符。', ?)", [T]);
    });
    const insert = (sql: string) => () => store.write((tx) => tx.run(sql, [T, T]));
    // Unknown status, a second batch with the same number, two rows at one roster place, a bad source or severity: refused.
    expect(insert("INSERT INTO intake_batches (batch_no, enterprise, delivered_by, delivered_on, status, created_at, created_by, updated_at) VALUES ('JS2026-0002', 'X', 'Y', 'd', 'lost', ?, 'a', ?)")).toThrow();
    expect(insert("INSERT INTO intake_batches (batch_no, enterprise, delivered_by, delivered_on, created_at, created_by, updated_at) VALUES ('JS2026-0001', 'X', 'Y', 'd', ?, 'a', ?)")).toThrow();
    expect(() => store.write((tx) => tx.run("INSERT INTO intake_roster_rows (batch_id, position, sheet, row, name, id_text) VALUES (1, 1, 'S', 6, '李四', 'x')"))).toThrow();
    expect(() => store.write((tx) => tx.run("INSERT INTO intake_findings (batch_id, source, code, severity, message, created_at) VALUES (1, 'fax', 'X', 'error', 'm', 't')"))).toThrow();
    expect(() => store.write((tx) => tx.run("INSERT INTO intake_findings (batch_id, source, code, severity, message, created_at) VALUES (1, 'desk', 'X', 'fatal', 'm', 't')"))).toThrow();
    store.write((tx) => tx.run("INSERT INTO intake_findings (batch_id, source, code, severity, message, created_at) VALUES (1, 'digital', 'SKEW', 'warning', 'm', 't')"));
    expect(() => store.write((tx) => tx.run("INSERT INTO intake_desk_counts (roster_row_id, batch_id, volumes, pages, counted_at, counted_by) VALUES (1, 1, -1, 3, 't', 'a')"))).toThrow();
    await store.close();

    const again = await openStore(dir, key);
    expect(schemaVersion(again)).toBeGreaterThanOrEqual(4);
    expect(again.get('SELECT status, batch_no FROM intake_batches')).toEqual({ status: 'registered', batch_no: 'JS2026-0001' });
    expect(again.get<{ n: number }>('SELECT count(*) AS n FROM intake_findings WHERE resolved_at IS NULL')?.n).toBe(2);
    await again.close();
  });
});
