/** 电子查阅: only approved classes, every page watermarked in its pixels and logged. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fails, ok } from '../helpers/core';
import { lendingCore, requestInput, seedScan } from './seed';

/** Share of pixels in a horizontal band (fractions of the height) that are not near-white. */
async function inkIn(jpeg: Buffer, top: number, bottom: number): Promise<{ ink: number; red: number }> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  let red = 0;
  let n = 0;
  for (let y = Math.floor(info.height * top); y < Math.floor(info.height * bottom); y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      n++;
      if (r + g + b < 600) ink++;
      if (r - g > 15 && r - b > 15) red++;
    }
  }
  return { ink: ink / n, red: red / n };
}

describe('digital viewing', () => {
  it('opens only approved classes, burns the watermark into each page, logs every view, refuses other classes', async () => {
    const { core, files, store, later } = await lendingCore();
    const [a, b] = files;
    if (!a || !b) throw new Error('seed');
    const { pageIds } = await seedScan(store, a.personId, ['1', '1', '4', '9', '9']);
    // A file with no scan cannot be viewed digitally.
    expect((await fails(core, 'c', 'lending.request.create', requestInput([b.archiveNo], { type: '电子查阅' }))).message).toContain('尚未数字化');
    const req = await ok(core, 'c', 'lending.request.create', requestInput([], { type: '电子查阅', files: [{ archiveNo: a.archiveNo, classes: ['9'] }] }));
    expect((await fails(core, 'c', 'lending.view.open', { requestId: req.id })).message).toContain('尚未审批通过');
    await ok(core, 's', 'lending.approve', { id: req.id });
    expect((await fails(core, 'c', 'lending.checkout', { requestId: req.id, archiveNos: [a.archiveNo], due: '2026-11-22' })).message).toContain('不能办理实体档案出库');

    const session = await ok(core, 'c', 'lending.view.open', { requestId: req.id });
    expect(session.watermark).toBe(`周经办 2026-11-21 ${req.requestNo}`);
    expect(session.files[0]?.volumes[0]?.pages.map((p) => [p.pageId, p.classCode])).toEqual([[pageIds[3], '9'], [pageIds[4], '9']]);

    const t0 = performance.now();
    const page = await ok(core, 'c', 'lending.view.page', { requestId: req.id, pageId: pageIds[3] ?? 0 });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
    expect(page.mime).toBe('image/jpeg');
    const jpeg = Buffer.from(page.base64, 'base64');
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 620, 877]);
    // The original is blank white; the foot band carries dark text, the body the faint red diagonal tiles.
    const foot = await inkIn(jpeg, 0.965, 1);
    const body = await inkIn(jpeg, 0.1, 0.9);
    expect(foot.ink).toBeGreaterThan(0.03);
    expect(body.red).toBeGreaterThan(0.005);
    expect(body.ink).toBeLessThan(0.5); // faint: the page stays readable

    const wrongClass = await fails(core, 'c', 'lending.view.page', { requestId: req.id, pageId: pageIds[2] ?? 0 });
    expect(wrongClass.message).toContain('属于第 4 类，不在批准查阅的范围');
    expect((await fails(core, 'c', 'lending.copy', { requestId: req.id, pageIds: [pageIds[0] ?? 0] })).message).toContain('不在批准查阅的范围');

    await ok(core, 'c', 'lending.view.page', { requestId: req.id, pageId: pageIds[4] ?? 0 });
    const detail = await ok(core, 'c', 'lending.request.get', { id: req.id });
    expect([detail.status, detail.views]).toEqual(['in_use', 2]);
    expect(store.all<{ page_id: number }>('SELECT page_id FROM lending_views ORDER BY id').map((r) => r.page_id)).toEqual([pageIds[3], pageIds[4]]);
    const viewsAudited = await ok(core, 'admin', 'audit.list', { action: 'lending.view', limit: 50 });
    expect(viewsAudited.rows.filter((r) => r.action === 'lending.view')).toHaveLength(2);
    const refusals = await ok(core, 'admin', 'audit.list', { action: 'lending.refused', limit: 50 });
    expect(refusals.rows.length).toBe(5);

    // After the approved period the request is over and pages are refused.
    await later(5);
    expect((await ok(core, 'c', 'lending.request.get', { id: req.id })).status).toBe('completed');
    expect((await fails(core, 'c', 'lending.view.page', { requestId: req.id, pageId: pageIds[3] ?? 0 })).message).toContain('已办理完毕');
    await core.close();
  });
});
