/** 003 holdings: archive files numbered per community, the never-reused sequence, documents, receipts. */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/services/db/migrations';
import { openStore } from '../../electron/services/store';
import { freshStore, tables } from '../helpers/freshStore';

const T = '2026-11-22T00:00:00.000Z';

describe('migration 003 holdings', () => {
  it('adds the holdings tables, enforces one file per person and one number per community place, and survives reopen', async () => {
    const { dir, key, store } = await freshStore();
    migrate(store, T, 2);
    store.write((tx) => {
      tx.run("INSERT INTO towns (code, name) VALUES ('01', '城关街道')");
      tx.run("INSERT INTO communities (town_id, code, name) VALUES (1, '001', '东风社区')");
      tx.run("INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('张三', '11010519491231002X', 'F', '1949-12-31', 1, 't', 't')");
      tx.run("INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ('李四', '110105195001010019', 'M', '1950-01-01', 1, 't', 't')");
    });
    expect(migrate(store, T, 3)).toEqual([3]);
    expect(tables(store)).toEqual(expect.arrayContaining(['archive_files', 'archive_sequences', 'documents', 'receipts']));
    store.write((tx) => {
      tx.run("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, pages, received_on, created_at, updated_at) VALUES (1, 1, 'A-001-0001', 1, 2, 120, '2026-11-22', ?, ?)", [T, T]);
      tx.run('INSERT INTO archive_sequences (community_id, last_seq) VALUES (1, 1)');
    });
    const insert = (sql: string) => () => store.write((tx) => tx.run(sql));
    // A second file for the same person, the same number, or the same place in the community's run is refused.
    expect(insert("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, received_on, created_at, updated_at) VALUES (1, 1, 'A-001-0002', 2, 1, 'd', 't', 't')")).toThrow();
    expect(insert("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, received_on, created_at, updated_at) VALUES (2, 1, 'A-001-0001', 2, 1, 'd', 't', 't')")).toThrow();
    expect(insert("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, received_on, created_at, updated_at) VALUES (2, 1, 'A-001-0009', 1, 1, 'd', 't', 't')")).toThrow();
    expect(insert("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, received_on, created_at, updated_at) VALUES (2, 1, 'A-001-0002', 2, 0, 'd', 't', 't')")).toThrow();
    expect(insert("INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, status, received_on, created_at, updated_at) VALUES (2, 1, 'A-001-0002', 2, 1, 'lost', 'd', 't', 't')")).toThrow();
    expect(insert("INSERT INTO receipts (kind, ref_id, counterparty, sent_on) VALUES ('fax', 1, 'X', 'd')")).toThrow();
    store.write((tx) => tx.run("INSERT INTO receipts (kind, ref_id, counterparty, sent_on) VALUES ('intake', 1, '某某机械厂', '2026-10-01')"));
    expect(insert("INSERT INTO receipts (kind, ref_id, counterparty, sent_on) VALUES ('intake', 1, '某某机械厂', '2026-10-02')")).toThrow();
    await store.close();

    const again = await openStore(dir, key);
    expect(schemaVersion(again)).toBeGreaterThanOrEqual(3);
    expect(again.get<{ archive_no: string; status: string }>('SELECT archive_no, status FROM archive_files')).toEqual({ archive_no: 'A-001-0001', status: 'held' });
    expect(again.get<{ n: number }>('SELECT count(*) AS n FROM receipts WHERE returned_on IS NULL')?.n).toBe(1);
    await again.close();
  });
});
