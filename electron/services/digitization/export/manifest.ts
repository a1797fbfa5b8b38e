/**
 * manifest-sha256.txt in sha256sum format (`sha256sum -c manifest-sha256.txt` in the folder
 * verifies it). Lines starting with # are comments to sha256sum; they list the sides that were not
 * numbered (blank, cover) so the manifest accounts for every image of the paper file.
 */
import crypto from 'node:crypto';
import type { Catalogue } from './catalogue';

export function sha256Hex(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export function manifestText(c: Catalogue, files: readonly { name: string; sha256: string }[], at: Date): string {
  const lines = [
    `# 档号 ${c.archiveNo}，${c.volume.personName} 第 ${c.volume.volumeNo} 卷，计数页 ${c.images.length}，未计页 ${c.excluded.length}`,
    `# 生成时间 ${at.toISOString()}；校验：在本文件夹中运行 sha256sum -c manifest-sha256.txt`,
  ];
  for (const p of c.excluded) {
    const kind = p.kind === 'cover' ? '封面' : '空白';
    lines.push(`# 未计页（${kind}）：条带第 ${p.position} 张，来源 ${p.source.replace(/[\r\n]/g, ' ')}，图像 sha256 ${p.sha256}`);
  }
  for (const f of files) lines.push(`${f.sha256}  ${f.name}`);
  return `${lines.join('\n')}\n`;
}
