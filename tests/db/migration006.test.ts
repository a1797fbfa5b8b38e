/** 006 lending: requests, readers, loans (one open loan per file), approvals (one per level), views, transfers out. */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/services/db/migrations';
import { openStore } from '../../electron/services/store';
import { freshStore, tables } from '../helpers/freshStore';

const T = '2026-11-22T00:00:00.000Z';

describe('migration 006 lending', () => {
  it('adds the lending tables with their guards and survives reopen', async () => {
    const { dir, key, store } = await freshStore();
    migrate(store, T, 5);
    store.write((tx) => {
      tx.run("INSERT INTO users (name, display_name, role, created_at) VALUES ('s', '张主管', 'supervisor', 't')");
      tx.run("INSERT INTO towns (code, name) VALUES ('01', '城关街道')");
      tx.run("INSERT INTO communities (town_id, code, name) VALUES (1, '001', '东风社区')");
      tx.run("INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('张三', '11010519491231002X', 'F', '1949-12-31', 1, 't', 't')");
      tx.run("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, received_on, created_at, updated_at) VALUES (1, 1, 'A-001-0001', 1, 2, 'd', 't', 't')");
    });
    expect(migrate(store, T, 6)).toEqual([6]);
    expect(tables(store)).toEqual(expect.arrayContaining(['lending_requests', 'lending_readers', 'lending_files', 'lending_approvals', 'lending_views', 'transfers_out', 'transfer_out_files']));
    const req = (no: string, seq: number, extra = "'借阅', '2026-11-22', '2026-11-25'") =>
      `INSERT INTO lending_requests (request_no, year, seq, type, period_from, period_to, purpose, unit, levels_required, status, entered_by, entered_by_name, entered_at, updated_at)
       VALUES ('${no}', 2026, ${seq}, ${extra}, '户口迁移', '某单位', 1, 'pending', 1, '张主管', 't', 't')`;
    const insert = (sql: string) => () => store.write((tx) => tx.run(sql));
    store.write((tx) => {
      tx.run(req('CJ2026-0001', 1));
      tx.run(req('CJ2026-0002', 2));
      tx.run("INSERT INTO lending_files (request_id, file_id, ord, volumes_json, checked_out_at) VALUES (1, 1, 1, '[1,2]', 't')");
      tx.run("INSERT INTO lending_approvals (request_id, level, decision, user_id, user_name, at) VALUES (1, 1, 'approved', 1, '张主管', 't')");
    });
    expect(insert(req('CJ2026-0001', 3))).toThrow(); // number reused
    expect(insert(req('CJ2026-0003', 1))).toThrow(); // seq reused in the year
    expect(insert(req('CJ2026-0004', 4, "'外借', '2026-11-22', '2026-11-25'"))).toThrow(); // unknown type
    expect(insert(req('CJ2026-0005', 5, "'借阅', '2026-11-25', '2026-11-22'"))).toThrow(); // period backwards
    // The same file on a second open loan, a second decision at one level, a return before a check-out.
    expect(insert("INSERT INTO lending_files (request_id, file_id, ord, volumes_json, checked_out_at) VALUES (2, 1, 1, '[1]', 't')")).toThrow();
    expect(insert("INSERT INTO lending_approvals (request_id, level, decision, user_id, user_name, at) VALUES (1, 1, 'rejected', 1, '张主管', 't')")).toThrow();
    expect(insert("INSERT INTO lending_files (request_id, file_id, ord, volumes_json, returned_at) VALUES (2, 1, 1, '[1]', 't')")).toThrow();
    store.write((tx) => tx.run("UPDATE lending_files SET returned_at = 't2' WHERE request_id = 1"));
    store.write((tx) => tx.run("INSERT INTO lending_files (request_id, file_id, ord, volumes_json, checked_out_at) VALUES (2, 1, 1, '[1]', 't3')"));
    store.write((tx) => {
      tx.run("INSERT INTO transfers_out (transfer_no, receiver_unit, sent_on, handled_by, handled_by_name, created_at) VALUES ('ZC2026-0001', '某市档案馆', '2026-11-22', 1, '张主管', 't')");
      tx.run('INSERT INTO transfer_out_files (transfer_id, file_id, ord) VALUES (1, 1, 1)');
    });
    expect(insert("INSERT INTO transfers_out (transfer_no, receiver_unit, sent_on, handled_by, handled_by_name, created_at) VALUES ('ZC2026-0001', 'x', 'd', 1, 'x', 't')")).toThrow();
    await store.close();

    const again = await openStore(dir, key);
    expect(schemaVersion(again)).toBeGreaterThanOrEqual(6);
    expect(again.get<{ n: number }>('SELECT count(*) AS n FROM lending_files WHERE returned_at IS NULL')?.n).toBe(1);
    expect(again.get<{ receiver_unit: string }>('SELECT receiver_unit FROM transfers_out')?.receiver_unit).toBe('某市档案馆');
    await again.close();
  });
});
