/**
 * The clerk's overrides of processing (page.adjust) through the real core: each reprocesses the
 * page from its original, is audited, and is undone like the other strip edits; dpi as stored.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fails, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { digitizationCore, PAGE, textPage, waitJob, write } from './fixtures';

describe('page.adjust', () => {
  it('overrides deskew, cropping and colour from the original, audited and undoable', async () => {
    const { core, person } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: null });
    const dir = tempDir();
    const lines = Array.from({ length: 10 }, (_, i) => `Body line ${i + 1} of the adjusted page`);
    const scan = await sharp(await textPage({ title: 'ADJUST', lines, pageNo: 1 }))
      .rotate(2, { background: '#ffffff' })
      .png()
      .withMetadata({ density: 300 })
      .toBuffer();
    const low = await sharp(await textPage({ title: 'LOW', lines: ['x'] })).png().withMetadata({ density: 200 }).toBuffer();
    const job = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files: [write(dir, 'a.png', scan), write(dir, 'b.png', low)] })).jobId);
    expect(job).toMatchObject({ state: 'done', done: 2 });
    const [auto, lowPage] = (await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages;
    if (!auto || !lowPage) throw new Error('pages missing');
    expect(auto).toMatchObject({ cropped: true, colour: false, dpi: 300 });
    expect(auto.skewDegrees).toBeGreaterThan(1.7);
    // A 200-dpi scan is kept at 200 dpi: the strip shows it is below the 300-dpi standard.
    expect(lowPage.dpi).toBe(200);

    // Bad requests change nothing.
    expect((await fails(core, 'clerk', 'page.adjust', { pageId: auto.id })).code).toBe('VALIDATION');
    expect((await fails(core, 'clerk', 'page.adjust', { pageId: auto.id, skewDegrees: 12 })).message).toContain('−10° 到 10°');
    expect((await fails(core, 'intake', 'page.adjust', { pageId: auto.id, crop: false })).code).toBe('FORBIDDEN');

    const uncropped = await ok(core, 'clerk', 'page.adjust', { pageId: auto.id, crop: false });
    expect(uncropped).toMatchObject({ cropped: false, skewDegrees: auto.skewDegrees, ocr: 'pending' });
    expect(uncropped.width).toBeGreaterThan(PAGE.width); // the whole deskewed canvas
    const straight = await ok(core, 'clerk', 'page.adjust', { pageId: auto.id, skewDegrees: 0 });
    const original = await sharp(scan).metadata();
    // No deskew and no crop: the original's own size.
    expect(straight).toMatchObject({ skewDegrees: 0, cropped: false, width: original.width, height: original.height });
    const colour = await ok(core, 'clerk', 'page.adjust', { pageId: auto.id, colour: true, crop: true });
    expect(colour).toMatchObject({ colour: true, cropped: true, skewDegrees: 0 });
    const image = await ok(core, 'clerk', 'page.image', { pageId: auto.id, variant: 'full' });
    const meta = await sharp(Buffer.from(image.base64, 'base64')).metadata();
    expect([meta.channels, meta.density]).toEqual([3, 300]);

    const audit = await ok(core, 'admin', 'audit.list', { action: 'page.adjust' });
    expect(audit.total).toBe(3);
    expect(audit.rows.map((r) => r.after)).toContainEqual({ skewDegrees: 0, cropped: false, colour: false, sha256: straight.sha256 });

    // Undo, newest first, back to the automatic result.
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: volume.id })).undone).toBe('调整第 1 页（裁边、彩色）');
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: volume.id })).undone).toBe('调整第 1 页（纠偏 0.0°）');
    expect((await ok(core, 'clerk', 'page.undo', { volumeId: volume.id })).undone).toBe('调整第 1 页（不裁边）');
    const back = (await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages[0];
    expect(back).toMatchObject({ sha256: auto.sha256, cropped: true, skewDegrees: auto.skewDegrees, colour: false, width: auto.width });
    expect((await ok(core, 'admin', 'audit.list', { action: 'page.undo' })).total).toBe(3);

    // A later rotation keeps the clerk's choices (they are stored with the page).
    await ok(core, 'clerk', 'page.adjust', { pageId: auto.id, skewDegrees: 1.2 });
    const rotated = await ok(core, 'clerk', 'page.rotate', { pageId: auto.id, degrees: 180 });
    expect(rotated).toMatchObject({ rotation: 180, skewDegrees: 1.2, cropped: true });
    // Edits sent together are applied in turn, each keeping the other's choice.
    await Promise.all([ok(core, 'clerk', 'page.rotate', { pageId: auto.id, degrees: 180 }), ok(core, 'clerk', 'page.adjust', { pageId: auto.id, crop: false })]);
    expect((await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages[0]).toMatchObject({ rotation: 0, cropped: false, skewDegrees: 1.2 });
    await core.close();
  });
});
