/** Generated documents kept in the workspace: stored encrypted, fetched intact, exported on purpose, tampering caught. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_MIME, saveDocument, stageDocument } from '../../electron/services/domain/documents';
import type { DomainContext } from '../../electron/services/domain/context';
import { fails, ok, seededCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';

describe('documents', () => {
  it('stores a document encrypted, lists and fetches it intact, exports only where asked, refuses a changed blob', async () => {
    const { core, workspaceDir } = await seededCore();
    const ws = core.workspace.require();
    const ctx: DomainContext = { store: ws.store, auditKey: ws.auditKey, actor: { userId: 1, userName: 'admin' }, now: () => new Date('2026-11-22T08:00:00Z') };
    const bytes = Buffer.from('%PDF-1.7 转递回执确认表 test body');
    const info = saveDocument(ctx, { kind: 'transfer_receipt', title: '转递回执确认表 JS-2026-001', refEntity: 'intake_batch', refId: 7, fileName: '回执.pdf', mime: PDF_MIME, bytes });

    // Nothing on disk inside the workspace carries the plaintext.
    const files = fs.readdirSync(workspaceDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes(Buffer.from('转递回执确认表'))).toBe(false);

    expect(await ok(core, 'admin', 'document.list', { refEntity: 'intake_batch', refId: 7 })).toEqual([info]);
    expect(await ok(core, 'admin', 'document.list', { refEntity: 'intake_batch', refId: 8 })).toEqual([]);
    const got = await ok(core, 'admin', 'document.get', { id: info.id });
    expect(Buffer.from(got.base64, 'base64').equals(bytes)).toBe(true);

    const out = tempDir();
    const exported = await ok(core, 'admin', 'document.export', { id: info.id, to: out });
    expect(exported.file).toBe(path.join(out, '回执.pdf'));
    expect(fs.readFileSync(exported.file).equals(bytes)).toBe(true);
    expect((await fails(core, 'admin', 'document.export', { id: info.id, to: out })).code).toBe('CONFLICT');

    const audit = await ok(core, 'admin', 'audit.list', { action: 'document', limit: 50 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['document.create', 'document.view', 'document.export']));

    // A staged document whose transaction fails leaves no blob behind.
    const before = ws.store.blobs.list().length;
    const staged = stageDocument(ctx, { kind: 'x', title: 'x', refEntity: 'x', refId: null, fileName: 'x.pdf', mime: PDF_MIME, bytes: Buffer.from('x') });
    expect(ws.store.blobs.list().length).toBe(before + 1);
    staged.discard();
    expect(ws.store.blobs.list().length).toBe(before);

    // Swap the blob's content for another document's: the hash check refuses it.
    const other = saveDocument(ctx, { kind: 'x', title: '另一份', refEntity: 'x', refId: null, fileName: 'y.pdf', mime: PDF_MIME, bytes: Buffer.from('other') });
    const blobOf = (id: number) => ws.store.get<{ blob: string }>('SELECT blob FROM documents WHERE id = ?', [id])?.blob ?? '';
    ws.store.write((tx) => tx.run('UPDATE documents SET blob = ? WHERE id = ?', [blobOf(other.id), info.id]));
    expect((await fails(core, 'admin', 'document.get', { id: info.id })).code).toBe('INTEGRITY');
    await core.close();
  });
});
