import { afterEach, describe, expect, test } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError, flipByte, newWorkspace, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

const blobFile = (dir: string, id: string) => path.join(dir, 'blobs', id.slice(0, 2), id.slice(2));

describe('blob store', () => {
  test('round trip, and the stored file is ciphertext', async () => {
    const { dir, store } = await newWorkspace();
    const content = Buffer.from('第一页扫描件 page image bytes '.repeat(100));
    const id = store.blobs.put(content);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(store.blobs.has(id)).toBe(true);
    expect(store.blobs.get(id).equals(content)).toBe(true);
    expect(fs.readFileSync(blobFile(dir, id)).includes(Buffer.from('page image'))).toBe(false);
    expect(store.blobs.list()).toEqual([id]);
    await store.close();
  });

  test('identical content is stored once', async () => {
    const { dir, store } = await newWorkspace();
    const a = store.blobs.put(Buffer.from('same'));
    const b = store.blobs.put(new Uint8Array(Buffer.from('same')));
    const c = store.blobs.put(Buffer.from('different'));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(store.blobs.list().sort()).toEqual([a, c].sort());
    expect(fs.readdirSync(path.join(dir, 'blobs', a.slice(0, 2)))).toContain(a.slice(2));
    await store.close();
  });

  test('the name reveals nothing: no hex of the content hash, differs per workspace', async () => {
    const one = await newWorkspace();
    const two = await newWorkspace();
    const content = crypto.randomBytes(1000);
    const id = one.store.blobs.put(content);
    for (const algo of ['sha256', 'sha1', 'md5']) {
      const hex = crypto.createHash(algo).update(content).digest('hex');
      expect(id.includes(hex.slice(0, 16))).toBe(false);
    }
    expect(two.store.blobs.put(content)).not.toBe(id);
    await one.store.close();
    await two.store.close();
  });

  test('a changed byte is INTEGRITY; a missing blob is NOT_FOUND; delete removes', async () => {
    const { dir, store } = await newWorkspace();
    const id = store.blobs.put(Buffer.from('original content'));
    flipByte(blobFile(dir, id), 30);
    const err = await appError(() => store.blobs.get(id));
    expect(err.code).toBe('INTEGRITY');
    expect(err.message).toContain('附件文件');
    store.blobs.delete(id);
    expect(store.blobs.has(id)).toBe(false);
    expect((await appError(() => store.blobs.get(id))).code).toBe('NOT_FOUND');
    expect((await appError(() => store.blobs.get('../../etc/passwd'))).code).toBe('VALIDATION');
    await store.close();
  });

  test('putting content again repairs a damaged copy', async () => {
    const { dir, store } = await newWorkspace();
    const content = Buffer.from('repair me');
    const id = store.blobs.put(content);
    flipByte(blobFile(dir, id), -1);
    expect(store.blobs.put(content)).toBe(id);
    expect(store.blobs.get(id).equals(content)).toBe(true);
    await store.close();
  });
});
