/**
 * Test/bench seeding for storage: persons and archive files inserted straight into the store (intake
 * owns the production path that creates them). Communities are created the same way.
 */
import type { Store } from '../../electron/services/store/api';

export interface SeedFile {
  communityId: number;
  seq: number;
  archiveNo: string;
  volumes: number;
  thicknessMm: number;
  receivedOn: string;
}

/** Adds `n` communities under town 1 (codes 101…); returns their ids in order. */
export function seedCommunities(store: Store, n: number, firstCode = 101): number[] {
  return store.write((tx) => {
    const town = tx.get<{ id: number }>('SELECT id FROM towns ORDER BY id LIMIT 1')?.id ?? tx.run("INSERT INTO towns (code, name) VALUES ('09', '测试街道')").lastInsertRowid;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(tx.run('INSERT INTO communities (town_id, code, name) VALUES (?,?,?)', [town, String(firstCode + i), `第${firstCode + i}社区`]).lastInsertRowid);
    return ids;
  });
}

let personSerial = 0;

/** Inserts persons + archive files (held) in one transaction; returns the new file ids in order. */
export function seedFiles(store: Store, files: SeedFile[]): number[] {
  return store.write((tx) => {
    const ids: number[] = [];
    for (let i = 0; i < files.length; i += 300) {
      const chunk = files.slice(i, i + 300);
      const persons = chunk.map((f) => {
        personSerial++;
        return [`测试${personSerial}`, `9${String(personSerial).padStart(17, '0')}`, 'M', '1950-01-01', f.communityId, 't', 't'];
      });
      const first = tx.run(
        `INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?)').join(',')}`,
        persons.flat(),
      ).lastInsertRowid - chunk.length + 1;
      const fileFirst =
        tx.run(
          `INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, thickness_mm, received_on, created_at, updated_at) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`,
          chunk.flatMap((f, k) => [first + k, f.communityId, f.archiveNo, f.seq, f.volumes, f.thicknessMm, f.receivedOn, 't', 't']),
        ).lastInsertRowid -
        chunk.length +
        1;
      for (let k = 0; k < chunk.length; k++) ids.push(fileFirst + k);
    }
    return ids;
  });
}

/** Files seq from..to of a community, archive number `C{code}-{seq:4}`. */
export function filesFor(communityId: number, code: string, from: number, to: number, opts: { volumes?: number; thicknessMm?: number; receivedOn?: string } = {}): SeedFile[] {
  const out: SeedFile[] = [];
  for (let seq = from; seq <= to; seq++) {
    out.push({ communityId, seq, archiveNo: `C${code}-${String(seq).padStart(4, '0')}`, volumes: opts.volumes ?? 1, thicknessMm: opts.thicknessMm ?? 0, receivedOn: opts.receivedOn ?? '2026-10-15' });
  }
  return out;
}

export function setStatus(store: Store, archiveNo: string, status: 'held' | 'on_loan' | 'digitizing' | 'transferred_out'): void {
  store.write((tx) => tx.run('UPDATE archive_files SET status = ? WHERE archive_no = ?', [status, archiveNo]));
}
