/**
 * Editing the page strip through the core: rotate (reprocessed from the original), kind, printed
 * number, move, delete, each undoable; item 序号 and 页数 follow the strip; volume rules.
 */
import { describe, expect, it } from 'vitest';
import { fails, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { blankPage, digitizationCore, textPage, waitJob, waitOcr, write } from './fixtures';

async function importPages(n: number) {
  const ctx = await digitizationCore();
  const { core, person } = ctx;
  const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'cadre', archiveNo: null });
  const dir = tempDir();
  const files = [];
  for (let i = 1; i <= n; i++) files.push(write(dir, `p${i}.png`, await textPage({ title: `PAGE ${i}`, lines: [`Line of page ${i}`], pageNo: i })));
  const job = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files })).jobId);
  expect(job).toMatchObject({ state: 'done', done: n, failed: 0 });
  const pages = (await waitOcr(core, 'clerk', volume.id)).pages;
  return { ...ctx, volume, pages, dir };
}

const sources = async (core: Awaited<ReturnType<typeof importPages>>['core'], volumeId: number) =>
  (await ok(core, 'clerk', 'page.list', { volumeId })).pages.map((p) => p.source);

describe('the page strip', () => {
  it('moves, deletes, rotates and re-kinds pages, and undoes each in reverse order', async () => {
    const { core, volume, pages } = await importPages(4);
    const [a, b, c, d] = pages.map((p) => p.id) as [number, number, number, number];
    const v = volume.id;

    await ok(core, 'clerk', 'page.move', { pageId: d, toPosition: 1 });
    expect(await sources(core, v)).toEqual(['p4.png', 'p1.png', 'p2.png', 'p3.png']);
    await ok(core, 'clerk', 'page.move', { pageId: d, toPosition: 99 }); // clamped to the end
    expect(await sources(core, v)).toEqual(['p1.png', 'p2.png', 'p3.png', 'p4.png']);
    await ok(core, 'clerk', 'page.delete', { pageId: b });
    let list = await ok(core, 'clerk', 'page.list', { volumeId: v });
    expect(list.pages.map((p) => [p.source, p.position])).toEqual([['p1.png', 1], ['p3.png', 2], ['p4.png', 3]]);
    expect(list.pageCount).toBe(3);
    // The printed numbers now jump from 1 to 3: the missing page is flagged.
    expect(list.sequenceProblems).toContainEqual({ kind: 'gap', afterPageId: a, missing: [2] });
    expect((await fails(core, 'clerk', 'page.rotate', { pageId: b, degrees: 90 })).code).toBe('NOT_FOUND');

    const before = list.pages.find((p) => p.id === c);
    const rotated = await ok(core, 'clerk', 'page.rotate', { pageId: c, degrees: 90 });
    expect(rotated.rotation).toBe(90);
    expect([rotated.width, rotated.height]).toEqual([before?.height, before?.width]);
    expect(rotated.sha256).not.toBe(before?.sha256);
    expect(rotated.ocr).toBe('pending');
    await ok(core, 'clerk', 'page.setKind', { pageId: a, kind: 'cover' });
    await ok(core, 'clerk', 'page.setPrintedNumber', { pageId: d, printedNumber: 2 });
    list = await ok(core, 'clerk', 'page.list', { volumeId: v });
    expect(list.pageCount).toBe(2);
    expect(list.pages.find((p) => p.id === d)?.printedNumber).toBe(2);

    // Undo, newest first.
    expect(await ok(core, 'clerk', 'page.undo', { volumeId: v })).toEqual({ undone: '修改第 3 页的页码' });
    expect((await ok(core, 'clerk', 'page.list', { volumeId: v })).pages.find((p) => p.id === d)?.printedNumber).toBe(4);
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('把第 1 页标为封面');
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('旋转第 2 页');
    const unrotated = (await ok(core, 'clerk', 'page.list', { volumeId: v })).pages.find((p) => p.id === c);
    expect(unrotated).toMatchObject({ rotation: 0, sha256: before?.sha256, width: before?.width });
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('删除第 2 页');
    expect(await sources(core, v)).toEqual(['p1.png', 'p2.png', 'p3.png', 'p4.png']);
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('把第 1 页移到第 4 页');
    expect(await sources(core, v)).toEqual(['p4.png', 'p1.png', 'p2.png', 'p3.png']);
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('把第 4 页移到第 1 页');
    expect(await sources(core, v)).toEqual(['p1.png', 'p2.png', 'p3.png', 'p4.png']);
    // The import itself is the oldest edit; undoing it empties the strip.
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: v })).undone).toBe('导入的 4 页');
    expect(await sources(core, v)).toEqual([]);
    expect(await ok(core, 'clerk', 'page.undo', { volumeId: v })).toEqual({ undone: null });
    // Every edit and every undo is in the audit log.
    expect((await ok(core, 'admin', 'audit.list', { action: 'page.undo' })).total).toBe(7);
    expect((await ok(core, 'admin', 'audit.list', { action: 'page.rotate' })).rows[0]?.after).toEqual({ rotation: 90, sha256: rotated.sha256 });
    await core.close();
  });

  it('numbers items per class in strip order and counts only written pages', async () => {
    const { core, volume, pages, dir } = await importPages(6);
    const v = volume.id;
    const id = (i: number) => pages[i - 1]?.id as number;
    await ok(core, 'clerk', 'page.setKind', { pageId: id(3), kind: 'blank' });
    const save = (startPageId: number, classCode: string, title: string) => ok(core, 'clerk', 'item.save', { volumeId: v, startPageId, classCode, title });
    const resume = await save(id(1), '1', '履历表');
    await save(id(5), '4-1', '毕业证书');
    await save(id(2), '1', '更正表');
    await save(id(6), '4-1', '学位证书');
    let items = await ok(core, 'clerk', 'item.list', { volumeId: v });
    expect(items.map((i) => [i.serial, i.title, i.pages])).toEqual([
      ['1-1', '履历表', 1],
      ['1-2', '更正表', 2], // pages 2 and 4; side 3 is blank
      ['4-1-1', '毕业证书', 1],
      ['4-1-2', '学位证书', 1],
    ]);
    expect((await fails(core, 'clerk', 'item.save', { volumeId: v, startPageId: id(2), classCode: '2', title: '重复' })).code).toBe('CONFLICT');
    expect((await fails(core, 'clerk', 'item.save', { volumeId: v, startPageId: id(4), classCode: '2', title: '日期', formedOn: '1985-02-30' })).code).toBe('VALIDATION');

    // Moving the 学位证书 page before 毕业证书 renumbers them.
    await ok(core, 'clerk', 'page.move', { pageId: id(6), toPosition: 5 });
    items = await ok(core, 'clerk', 'item.list', { volumeId: v });
    expect(items.slice(2).map((i) => [i.serial, i.title])).toEqual([['4-1-1', '学位证书'], ['4-1-2', '毕业证书']]);

    // Deleting an item's first page moves its start to the next page; undo puts it back.
    await ok(core, 'clerk', 'page.delete', { pageId: id(2) });
    expect((await ok(core, 'clerk', 'item.list', { volumeId: v }))[1]).toMatchObject({ title: '更正表', startPageId: id(3), pages: 1 });
    await ok(core, 'clerk', 'page.undo', { volumeId: v });
    expect((await ok(core, 'clerk', 'item.list', { volumeId: v }))[1]).toMatchObject({ title: '更正表', startPageId: id(2), serial: '1-2', pages: 2 });
    // …unless the next page starts an item itself.
    expect((await fails(core, 'clerk', 'page.delete', { pageId: id(1) })).message).toContain('起始页');

    // A scheme change that would orphan class codes is refused; enterprise has no 4-1.
    expect((await fails(core, 'clerk', 'volume.update', { id: v, scheme: 'enterprise' })).message).toContain('4-1');
    await ok(core, 'clerk', 'item.delete', { id: resume.id });
    expect((await ok(core, 'clerk', 'item.list', { volumeId: v })).map((i) => i.serial)).toEqual(['1-1', '4-1-1', '4-1-2']);

    // A rescan inserted at position 2 lands there, in file order.
    const rescans = [write(dir, 'r1.png', await textPage({ title: 'RESCAN A', lines: [] })), write(dir, 'r2.png', await blankPage())];
    const job = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: v, files: rescans, insertAt: 2 })).jobId);
    expect(job.done).toBe(2);
    expect((await sources(core, v)).slice(0, 4)).toEqual(['p1.png', 'r1.png', 'r2.png', 'p2.png']);
    await core.close();
  });

  it('validates volumes: person, archive number, scheme', async () => {
    const { core, person } = await digitizationCore();
    const v1 = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: ' 01-001-0007 ' });
    const v2 = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: null });
    expect([v1.volumeNo, v2.volumeNo, v1.archiveNo]).toEqual([1, 2, '01-001-0007']);
    expect((await fails(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'cadre', archiveNo: '01-001-0007' })).code).toBe('CONFLICT');
    expect((await fails(core, 'clerk', 'volume.update', { id: v2.id, archiveNo: '../x' })).code).toBe('VALIDATION');
    expect((await fails(core, 'clerk', 'volume.create', { personId: 999, scheme: 'cadre' })).code).toBe('NOT_FOUND');
    expect(await ok(core, 'clerk', 'volume.update', { id: v2.id, scheme: 'cadre', archiveNo: '01-001-0008' })).toMatchObject({ scheme: 'cadre', archiveNo: '01-001-0008' });
    expect((await ok(core, 'intake', 'volume.list', { personId: person.id })).map((v) => v.volumeNo)).toEqual([1, 2]);
    expect((await fails(core, 'intake', 'volume.create', { personId: person.id, scheme: 'cadre' })).code).toBe('FORBIDDEN');
    // Export and acceptance need something to export or accept.
    expect((await fails(core, 'clerk', 'volume.export', { id: v2.id, dir: tempDir() })).message).toContain('没有计数页面');
    expect((await fails(core, 'clerk', 'volume.accept', { id: v2.id })).message).toContain('还没有计数页面');
    const noNumber = await ok(core, 'clerk', 'volume.update', { id: v2.id, archiveNo: null });
    expect((await fails(core, 'clerk', 'volume.export', { id: noNumber.id, dir: tempDir() })).message).toContain('档号');
    await core.close();
  });
});
