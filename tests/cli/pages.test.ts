/**
 * `pages process IN_DIR --out OUT_DIR` through the real CLI process: every page of a folder in
 * natural order, one JSON result each (a corrupt file is an error entry, the batch goes on), the
 * processed JPEGs written with matching SHA-256; the human table; an unreadable folder is exit 1.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PageResultJson } from '../../electron/services/cli/pages';
import { blankPage, textPage, write } from '../digitization/fixtures';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

type Ok = Extract<PageResultJson, { output: string }>;

describe('pages process', () => {
  it('processes a folder in natural order and prints one JSON result per page', async () => {
    const inDir = tempDir();
    const outDir = path.join(tempDir(), 'out');
    write(inDir, 'scan1.png', await textPage({ title: 'PAGE ONE', lines: ['The first page of the file'], pageNo: 1 }));
    write(inDir, 'scan2.png', await blankPage());
    write(inDir, 'scan3.jpg', (await sharp(await blankPage()).jpeg().toBuffer()).subarray(0, 300)); // truncated
    const askew = await sharp(await textPage({ title: 'PAGE TEN', lines: ['Scanned at an angle', 'with a second line'] }))
      .rotate(2, { background: '#ffffff' })
      .png()
      .withMetadata({ density: 300 })
      .toBuffer();
    write(inDir, 'scan10.png', askew);
    write(inDir, 'notes.txt', Buffer.from('not an image')); // not an image type: not a page

    const r = cli(['pages', 'process', inDir, '--out', outDir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as PageResultJson[];
    expect(results.map((x) => x.source)).toEqual(['scan1.png', 'scan2.png', 'scan3.jpg', 'scan10.png']);
    const [first, blank, broken, tenth] = results as [Ok, Ok, { source: string; error: string }, Ok];
    expect(broken.error).toMatch(/损坏|不完整/);
    expect(Object.keys(broken)).toEqual(['source', 'error']);

    for (const page of [first, blank, tenth]) {
      expect(Object.keys(page)).toEqual(['source', 'output', 'blank', 'rotation', 'skewDegrees', 'pageNumber', 'colour', 'dpi', 'width', 'height', 'sha256', 'text']);
      expect(path.dirname(page.output)).toBe(outDir);
      const jpeg = fs.readFileSync(page.output);
      expect(crypto.createHash('sha256').update(jpeg).digest('hex')).toBe(page.sha256);
      const meta = await sharp(jpeg).metadata();
      expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['jpeg', page.width, page.height, 300]);
      expect(page).toMatchObject({ rotation: 0, dpi: 300, colour: false });
    }
    expect(fs.readdirSync(outDir).sort()).toEqual(['scan1.jpg', 'scan10.jpg', 'scan2.jpg']);
    expect(blank).toMatchObject({ blank: true, text: '', pageNumber: null, skewDegrees: 0 });
    expect(first).toMatchObject({ blank: false, skewDegrees: 0 });
    expect(first.text).toContain('PAGE ONE');
    expect(tenth.blank).toBe(false);
    expect(Math.abs(tenth.skewDegrees - 2)).toBeLessThanOrEqual(0.3);
    expect(tenth.text).toContain('PAGE TEN');
    expect(first.pageNumber === null || typeof first.pageNumber === 'number').toBe(true);
  });

  it('prints a Chinese table with progress on stderr, expands multi-page files, and refuses an unreadable folder', async () => {
    const inDir = tempDir();
    write(inDir, 'a.png', await blankPage());
    write(inDir, 'b.png', Buffer.alloc(0));
    // A multi-page TIFF is one page per image, named after the file and the page.
    const blank = await blankPage();
    write(inDir, 'c.tif', await sharp([blank, blank], { join: { animated: true } }).tiff().toBuffer());
    const outDir = tempDir();
    const r = cli(['pages', 'process', inDir, '--out', outDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('序号\t来源\t输出文件');
    expect(r.stdout).toMatch(/2\tb\.png\t错误：文件是空的/);
    expect(r.stdout).toContain('c.tif 第 2 页');
    expect(r.stdout).toContain('共 4 页：成功 3 页（其中空白 3 页），失败 1 页。');
    expect(r.stderr).toMatch(/已处理 4\/4 页/);
    expect(fs.readdirSync(outDir).sort()).toEqual(['a.jpg', 'c-p001.jpg', 'c-p002.jpg']);

    const missing = cli(['pages', 'process', path.join(inDir, 'nope'), '--out', outDir, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('无法读取输入文件夹');
    expect(cli(['pages', 'process', inDir, '--json']).stderr).toContain('缺少参数 --out');
  });
});
