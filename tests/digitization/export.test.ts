/** Export edge cases without OCR text: nested target folders, PDF only, pages without a text layer. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fails, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { blankPage, digitizationCore, waitJob, waitOcr, write } from './fixtures';

describe('volume export', () => {
  it('creates the chosen folder, exports folder and PDF separately, and never overwrites', async () => {
    const { core, person } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: 'B-7' });
    const dir = tempDir();
    const files = [write(dir, '1.png', await blankPage()), write(dir, '2.png', await blankPage())];
    await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files })).jobId);
    const pages = (await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages;
    expect(pages.map((p) => p.kind)).toEqual(['blank', 'blank']);
    // The clerk decides the second side is a written page after all (a faint pencil note).
    await ok(core, 'clerk', 'page.setKind', { pageId: pages[1]?.id ?? 0, kind: 'page' });
    await waitOcr(core, 'clerk', volume.id);

    const out = path.join(tempDir(), 'usb', '2026');
    const folderJob = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'volume.export', { id: volume.id, dir: out, pdf: false })).jobId);
    expect(folderJob).toMatchObject({ state: 'done', outputs: [path.join(out, 'B-7')] });
    expect(fs.readdirSync(path.join(out, 'B-7')).sort()).toEqual(['B-7-0001.jpg', 'manifest-sha256.txt', '卷内目录.xlsx', '卷内目录.xml']);
    execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: path.join(out, 'B-7') });

    const pdfJob = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'volume.export', { id: volume.id, dir: out, folder: false })).jobId);
    expect(pdfJob.state).toBe('done');
    expect(pdfJob.outputs).toEqual([path.join(out, 'B-7.pdf')]);
    expect(execFileSync('pdfinfo', [path.join(out, 'B-7.pdf')]).toString()).toMatch(/Pages:\s+1/);
    expect((await fails(core, 'clerk', 'volume.export', { id: volume.id, dir: out, folder: false })).message).toContain('B-7.pdf');
    expect((await fails(core, 'clerk', 'volume.export', { id: volume.id, dir: out, folder: false, pdf: false })).code).toBe('VALIDATION');
    const file = write(tempDir(), 'not-a-dir', Buffer.from('x'));
    expect((await fails(core, 'clerk', 'volume.export', { id: volume.id, dir: file })).message).toContain('不是文件夹');
    await core.close();
  });
});
