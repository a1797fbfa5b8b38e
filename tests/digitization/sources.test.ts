/**
 * Page sources and background jobs through the real core: hostile and broken input reported per
 * page while the batch goes on, scanner PDFs, uploads, a watched folder, SANE scanning (with a fake
 * scanimage), cancelling, and closing the workspace while a job runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, fails, newCore, ok } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { blankPage, digitizationCore, textPage, waitJob, write } from './fixtures';

/** A PNG whose header claims 100 000 × 100 000 pixels (a decompression bomb); the data is tiny. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

async function scannerPdf(pages: Buffer[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const jpeg of pages) {
    const img = await doc.embedJpg(jpeg);
    const page = doc.addPage([img.width * 0.24, img.height * 0.24]); // 300 dpi
    page.drawImage(img, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return doc.save();
}

async function textOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Typed, not scanned', { font, x: 50, y: 700 });
  return doc.save();
}

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('page sources and jobs', () => {
  it('reports each bad file or page and stores the rest, leaving stored pages untouched', async () => {
    const { core, person } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: null });
    const dir = tempDir();
    const first = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files: [write(dir, 'a-first.png', await blankPage())] })).jobId);
    expect(first.done).toBe(1);
    const stored = (await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages[0];

    const tiny = await sharp({ create: { width: 24, height: 32, channels: 3, background: '#fff' } }).png().toBuffer();
    const tiff500 = await sharp(Array.from({ length: 500 }, () => tiny), { join: { animated: true } }).tiff({ compression: 'lzw' }).toBuffer();
    const jpeg = await sharp(await blankPage()).jpeg().toBuffer();
    fs.mkdirSync(path.join(dir, 'k-folder'));
    const files = [
      write(dir, 'b-empty.jpg', Buffer.alloc(0)),
      write(dir, 'c-bomb.png', pngBomb()),
      write(dir, 'd-long.tif', tiff500),
      write(dir, 'e-typed.pdf', await textOnlyPdf()),
      write(dir, 'f-scan.pdf', await scannerPdf([jpeg, jpeg])),
      write(dir, 'g-notes.txt', Buffer.from('not an image')),
      path.join(dir, 'h-missing.png'),
      path.join(dir, 'k-folder'),
    ];
    const started = Date.now();
    const job = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.import', { volumeId: volume.id, files })).jobId, undefined, 120_000);
    const seconds = (Date.now() - started) / 1000;
    expect(job.state).toBe('done');
    expect(job.done).toBe(302); // 300 TIFF pages + 2 PDF pages
    const bySource = new Map(job.errors.map((e) => [e.source, e.message]));
    expect(bySource.get('b-empty.jpg')).toContain('0 字节');
    expect(bySource.get('c-bomb.png')).toContain('图像尺寸过大');
    expect(bySource.get('d-long.tif')).toContain('第 301–500 页未导入');
    expect(bySource.get('e-typed.pdf')).toContain('没有扫描图像');
    expect(bySource.get('g-notes.txt')).toContain('不支持的文件格式');
    expect(bySource.get('h-missing.png')).toContain('找不到文件');
    expect(bySource.get('k-folder')).toContain('是文件夹');
    expect(job.failed).toBe(7);
    expect(job.total).toBe(job.done + job.failed);
    const list = await ok(core, 'clerk', 'page.list', { volumeId: volume.id });
    expect(list.pages).toHaveLength(303);
    expect(list.pages[0]).toEqual(stored);
    expect(list.pages.filter((p) => p.source.startsWith('f-scan.pdf')).map((p) => [p.source, p.dpi])).toEqual([
      ['f-scan.pdf 第 1 页', 300],
      ['f-scan.pdf 第 2 页', 300],
    ]);
    // 300 small pages commit one by one well within the time budget.
    expect(seconds).toBeLessThan(60);
    await core.close();
  });

  it('uploads, watches a folder, scans through SANE, cancels, and stops jobs when the workspace closes', async () => {
    const { core, person, userDataDir } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: null });
    const v = volume.id;
    const blank = await blankPage();

    const upload = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.upload', { volumeId: v, name: 'upload.png', base64: blank.toString('base64') })).jobId);
    expect(upload).toMatchObject({ state: 'done', done: 1, failed: 0 });

    // A watched folder: what was there before is left alone; partial names wait for their final name.
    expect((await fails(core, 'clerk', 'page.watch', { volumeId: v, dir: path.join(tempDir(), 'nope') })).code).toBe('VALIDATION');
    const watched = tempDir();
    write(watched, 'old.png', blank);
    const { jobId: watchId } = await ok(core, 'clerk', 'page.watch', { volumeId: v, dir: watched });
    await new Promise((r) => setTimeout(r, 300));
    write(watched, 'scan001.png.part', blank);
    write(watched, 'scan002.png', blank);
    fs.renameSync(path.join(watched, 'scan001.png.part'), path.join(watched, 'scan001.png'));
    const watching = await waitJob(core, 'clerk', watchId, (j) => j.done >= 2);
    expect(watching).toMatchObject({ state: 'running', kind: 'watch', total: null });
    expect((await ok(core, 'clerk', 'job.cancel', { jobId: watchId })).state).toBe('running');
    expect((await waitJob(core, 'clerk', watchId)).state).toBe('cancelled');
    expect((await ok(core, 'clerk', 'page.list', { volumeId: v })).pages.map((p) => p.source)).toEqual(['upload.png', 'scan001.png', 'scan002.png']);

    // SANE: a fake scanimage on PATH stands in for the hardware, which cannot run here. It "feeds"
    // two TIFF sheets and exits 7 (feeder empty), as the real one does.
    expect((await ok(core, 'clerk', 'scanner.status', {})).available).toBe(false);
    const bin = tempDir();
    const sheet = write(tempDir(), 'sheet.tif', await sharp(blank).tiff().toBuffer());
    const script = `#!/bin/sh
if [ "$1" = "-L" ]; then echo "device \\\`fake:0' is a Fake Scanner ADF"; exit 0; fi
for a in "$@"; do case "$a" in --batch=*) pattern="\${a#--batch=}";; esac; done
echo "$@" > "${bin}/args.txt"
for i in 1 2; do cp "${sheet}" "$(printf "$pattern" $i)"; done
exit 7
`;
    fs.writeFileSync(path.join(bin, 'scanimage'), script, { mode: 0o755 });
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    expect(await ok(core, 'clerk', 'scanner.status', {})).toMatchObject({ available: true, devices: [{ name: 'fake:0', label: 'Fake Scanner ADF' }] });
    const scan = await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.scan', { volumeId: v, device: 'fake:0', colour: false })).jobId);
    expect(scan).toMatchObject({ state: 'done', kind: 'scan', done: 2, failed: 0 });
    expect(fs.readFileSync(path.join(bin, 'args.txt'), 'utf8')).toMatch(/-d fake:0 .*--resolution 300 --mode Gray --source ADF Duplex/);
    expect((await ok(core, 'clerk', 'page.list', { volumeId: v })).pages.slice(3).map((p) => p.source)).toEqual(['扫描第 1 张', '扫描第 2 张']);

    // Cancelling an import stops it between pages.
    const many = Array.from({ length: 15 }, (_, i) => write(watched, `many${i}.png`, blank));
    const { jobId } = await ok(core, 'clerk', 'page.import', { volumeId: v, files: many });
    await ok(core, 'clerk', 'job.cancel', { jobId });
    const cancelled = await waitJob(core, 'clerk', jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(15);
    expect((await fails(core, 'clerk', 'job.get', { jobId: 'no-such-job' })).code).toBe('NOT_FOUND');

    // Closing with a watch running: the job stops before the store closes, and everything committed is there.
    await ok(core, 'clerk', 'page.watch', { volumeId: v, dir: watched });
    const count = (await ok(core, 'clerk', 'page.list', { volumeId: v })).pages.length;
    await core.close();
    const reopened = newCore({ userDataDir });
    await ok(reopened, 'admin', 'session.login', { name: 'admin', password: ADMIN_PASSWORD });
    expect((await ok(reopened, 'admin', 'page.list', { volumeId: v })).pages.length).toBe(count);
    await reopened.close();
  });

  it('builds the text and image content of a page for the screens', async () => {
    const { core, person } = await digitizationCore();
    const volume = await ok(core, 'clerk', 'volume.create', { personId: person.id, scheme: 'enterprise', archiveNo: null });
    // Body text wide enough that the cropped page is still wider than a thumbnail.
    const tiff = await sharp(await textPage({ title: 'X', lines: ['A line of body text wide enough for the thumbnail'] })).resize({ width: 400 }).tiff().toBuffer();
    await waitJob(core, 'clerk', (await ok(core, 'clerk', 'page.upload', { volumeId: volume.id, name: 'one.tif', base64: tiff.toString('base64') })).jobId);
    const [page] = (await ok(core, 'clerk', 'page.list', { volumeId: volume.id })).pages;
    const thumb = await ok(core, 'clerk', 'page.image', { pageId: page?.id ?? 0, variant: 'thumb' });
    expect(thumb).toMatchObject({ mime: 'image/jpeg', width: 240 });
    // A TIFF original is shown as PNG: browsers cannot display TIFF.
    const original = await ok(core, 'clerk', 'page.image', { pageId: page?.id ?? 0, variant: 'original' });
    expect(original).toMatchObject({ mime: 'image/png', width: 400 });
    expect((await fails(core, 'clerk', 'page.upload', { volumeId: volume.id, name: 'x.png', base64: '' })).code).toBe('VALIDATION');
    await core.close();
  });
});
