/** A workspace for lending tests: a clerk and two supervisors signed in, and held files seeded by SQL (intake's job in the app). */
import type { Input } from '../../shared/contract';
import { ADMIN_PASSWORD, makeId, ok, seededCore, testClock, type Clock } from '../helpers/core';

export const DAY = 86_400_000;

export interface SeededFile {
  fileId: number;
  personId: number;
  archiveNo: string;
  name: string;
  idNumber: string;
}

export async function lendingCore(opts: { clock?: Clock } = {}) {
  const clock = opts.clock ?? testClock();
  const seeded = await seededCore({ clock });
  const { core, community } = seeded;
  await ok(core, 'admin', 'user.add', { name: 'clerk1', displayName: '李档案', role: 'clerk', password: 'clerk-password' });
  await ok(core, 'admin', 'user.add', { name: 'sup1', displayName: '张主管', role: 'supervisor', password: 'sup1-password' });
  await ok(core, 'admin', 'user.add', { name: 'sup2', displayName: '赵主管', role: 'supervisor', password: 'sup2-password' });
  await ok(core, 'admin', 'user.add', { name: 'intake1', displayName: '孙接收', role: 'intake', password: 'intake-password' });
  await ok(core, 'c', 'session.login', { name: 'clerk1', password: 'clerk-password' });
  await ok(core, 's', 'session.login', { name: 'sup1', password: 'sup1-password' });
  await ok(core, 's2', 'session.login', { name: 'sup2', password: 'sup2-password' });
  await ok(core, 'i', 'session.login', { name: 'intake1', password: 'intake-password' });
  const ws = core.workspace.require();
  const at = clock.now.toISOString();
  const addFile = (name: string, seq: number, volumes = 2): SeededFile => {
    const idNumber = makeId(`195${seq % 10}0312`, String(100 + seq * 2 + 1));
    const archiveNo = `CCSRS-0102-001-${String(seq).padStart(4, '0')}`;
    return ws.store.write((tx) => {
      const personId = tx.run(
        "INSERT INTO persons (name, id_number, sex, birth_date, community_id, created_at, updated_at) VALUES (?, ?, 'M', '1950-03-12', ?, ?, ?)",
        [name, idNumber, community.id, at, at],
      ).lastInsertRowid;
      const fileId = tx.run(
        "INSERT INTO archive_files (person_id, community_id, archive_no, seq, volumes, pages, received_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 80, '2026-10-01', ?, ?)",
        [personId, community.id, archiveNo, seq, volumes, at, at],
      ).lastInsertRowid;
      return { fileId, personId, archiveNo, name, idNumber };
    });
  };
  const files = [addFile('张三', 1), addFile('李四', 2), addFile('王五', 3, 1)];
  const passwords: Record<string, string> = { admin: ADMIN_PASSWORD, c: 'clerk-password', s: 'sup1-password', s2: 'sup2-password', i: 'intake-password' };
  /** Moves the clock on by whole days; the idle lock engages, so the named sessions unlock again. */
  const later = async (days: number, sessions: string[] = ['c', 's']) => {
    clock.advance(days * DAY);
    for (const s of sessions) await ok(core, s, 'session.unlock', { password: passwords[s] ?? '' });
  };
  return { ...seeded, clock, files, addFile, later, store: ws.store };
}

export const READER = {
  name: '周经办',
  idNumber: makeId('19800101', '555'),
  unit: '城关街道社保所',
  post: '科员',
  political: '中共党员',
  contact: '13800000000',
  relation: '无亲属关系',
} as const;

export function requestInput(archiveNos: string[], over: Partial<Input<'lending.request.create'>> = {}): Input<'lending.request.create'> {
  return {
    type: '借阅',
    purpose: '享受政策待遇',
    unit: '城关街道社保所',
    letterNo: '城社函〔2026〕12号',
    readers: [{ ...READER }],
    files: archiveNos.map((archiveNo) => ({ archiveNo })),
    periodFrom: '2026-11-21',
    periodTo: '2026-11-25',
    ...over,
  };
}

/**
 * Scanned pages for a file's person, seeded as digitization would leave them: volume rows, page rows
 * whose images are plain white JPEGs in the encrypted blob store, and item-list entries marking
 * where each class starts. `classes` gives the class of each page of volume 1, in order.
 */
export async function seedScan(store: import('../../electron/services/store/api').Store, personId: number, classes: string[], size = { width: 620, height: 877 }) {
  const sharp = (await import('sharp')).default;
  const jpeg = await sharp({ create: { width: size.width, height: size.height, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
  const blob = store.blobs.put(jpeg);
  return store.write((tx) => {
    const volumeId = tx.run("INSERT INTO volumes (person_id, volume_no, scheme, status, created_at, updated_at) VALUES (?, 1, 'enterprise', 'accepted', 't', 't')", [personId]).lastInsertRowid;
    const pageIds: number[] = [];
    let last: string | null = null;
    let itemNo = 0;
    classes.forEach((cls, i) => {
      const pageId = tx.run(
        "INSERT INTO pages (volume_id, position, source, image_blob, thumb_blob, sha256, width, height, dpi, created_at, updated_at) VALUES (?, ?, 'seed', ?, ?, 'x', ?, ?, 300, 't', 't')",
        [volumeId, i + 1, blob, blob, size.width, size.height],
      ).lastInsertRowid;
      pageIds.push(pageId);
      if (cls !== last) {
        itemNo = cls === last ? itemNo + 1 : 1;
        tx.run('INSERT INTO item_list (person_id, volume_no, class_code, item_no, title, pages, volume_id, start_page_id) VALUES (?, 1, ?, ?, ?, 1, ?, ?)', [
          personId, cls, itemNo, `第${cls}类材料`, volumeId, pageId,
        ]);
        last = cls;
      }
    });
    return { volumeId, pageIds };
  });
}
