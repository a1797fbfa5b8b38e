import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { makeIdNumber, makeName, writeOfficialRoster } from '../../bench/fixtures/deliveryRoster';
import { readRoster } from '../../electron/services/intake/roster/readRoster';
import { splitPlace } from '../../electron/services/intake/roster/fields';
import { checkRoster } from '../../electron/services/intake/check/rosterChecks';
import { tempDir } from '../helpers/temp';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('roster reading', () => {
  it('reads the official layout: title rows, two-row merged header, footer', async () => {
    const file = path.join(tempDir(), 'official.xlsx');
    await writeOfficialRoster(file, [
      { name: '张三', id: makeIdNumber(1), volumes: 1, pages: 35, place: '城关街道东风社区', other: '照片 2 张' },
      { name: '李 四', id: makeIdNumber(2), volumes: 2, pages: 120, place: '城关街道、红星社区', remarks: '书面说明' },
    ]);
    const r = await readRoster(file);
    expect(r.ambiguous).toBe(false);
    expect(r.mapping.headerRows).toEqual({ first: 3, last: 4 });
    expect(r.mapping.columns).toMatchObject({ name: 2, idNumber: 3, county: 4, townCommunity: 5, volumes: 6, pages: 7, other: 8, remarks: 9 });
    expect(r.title[0]).toBe('国有企业退休人员社会化管理服务档案移交名册表');
    expect(r.footer).toEqual({ filledBy: '李红梅', phone: '13800001111', date: '2024年5月6日' });
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({ row: 5, name: '张三', idText: makeIdNumber(1), county: '东城区', town: '城关街道', community: '东风社区', volumesText: '1', pagesText: '35', other: '照片 2 张' });
    // Spaces used to align two-character names are not part of the name.
    expect(r.rows[1]).toMatchObject({ name: '李四', town: '城关街道', community: '红星社区', remarks: '书面说明' });
    expect(checkRoster(r, { today: new Date('2026-01-01') }).findings).toEqual([]);
  });

  it('maps a variant header (身份证号, 卷数, separate 乡镇/社区 columns) without a title', async () => {
    const file = path.join(tempDir(), 'variant.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '姓名', '身份证号', '街道', '社区', '卷数', '页数', '备注']);
    ws.addRow([1, '王五', makeIdNumber(3), '城关街道', '东风社区', 1, 40, '']);
    ws.addRow([2, '', '', '', '', '', '', '']); // a pre-numbered empty template row
    ws.addRow(['合计', '', '', '', '', 1, 40, '']);
    await wb.xlsx.writeFile(file);
    const r = await readRoster(file);
    expect(r.ambiguous).toBe(false);
    expect(r.mapping.columns).toMatchObject({ name: 2, idNumber: 3, town: 4, community: 5, volumes: 6, pages: 7, remarks: 8 });
    expect(r.rows.map((x) => [x.name, x.town, x.community, x.pagesText])).toEqual([['王五', '城关街道', '东风社区', '40']]);
  });

  it('asks the desk to confirm when two columns look like the ID column, and takes an explicit mapping', async () => {
    const file = path.join(tempDir(), 'two-ids.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '社会保障号码', '身份证号', '乡镇（街道）、社区', '档案卷数', '页数']);
    ws.addRow(['赵六', 'SB-0001', makeIdNumber(4), '城关街道东风社区', 1, 30]);
    ws.addRow(['钱七', 'SB-0002', makeIdNumber(5), '城关街道东风社区', 1, 31]);
    await wb.xlsx.writeFile(file);
    const r = await readRoster(file);
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.idNumber).toEqual([2, 3]);
    // The column whose content is ID numbers is the guess; the desk still confirms it.
    expect(r.mapping.columns.idNumber).toBe(3);
    expect(r.ambiguities.join('')).toContain('身份证号');
    const findings = checkRoster(r).findings;
    expect(findings.map((f) => f.code)).toEqual(['ROSTER_MAPPING_AMBIGUOUS']);

    const confirmed = await readRoster(file, { mapping: { ...r.mapping, columns: { ...r.mapping.columns, idNumber: 3 } } });
    expect(confirmed.ambiguous).toBe(false);
    expect(confirmed.rows.map((x) => x.idText)).toEqual([makeIdNumber(4), makeIdNumber(5)]);
  });

  it('detects a GBK (GB18030) CSV and a UTF-8 CSV with BOM', async () => {
    const dir = tempDir();
    const csv = [
      '档案移交名册表',
      '姓名,社会保障号码（身份证号）,乡镇（街道）,社区,档案卷数,页数',
      `孙八,${makeIdNumber(6)},城关街道,"东风社区",1,22`,
      // What Excel writes for an ID it had stored as a number: the digits are gone.
      '郑十,1.10105E+17,城关街道,东风社区,1,18',
      '填报人：周九,,联系电话：13900000000',
    ].join('\r\n');
    const gbk = path.join(dir, 'gbk.csv');
    fs.writeFileSync(gbk, iconv.encode(csv, 'gbk'));
    const r = await readRoster(gbk);
    expect(r.encoding).toBe('gb18030');
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({ name: '孙八', town: '城关街道', community: '东风社区', pagesText: '22' });
    expect(r.footer.filledBy).toBe('周九');
    expect(checkRoster(r).findings.map((f) => [f.code, f.name])).toEqual([['ID_NUMERIC_PRECISION', '郑十']]);

    const bom = path.join(dir, 'bom.csv');
    fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    const u = await readRoster(bom);
    expect(u.encoding).toBe('utf-8');
    expect(u.rows[0]?.name).toBe('孙八');
  });

  it('flags ID numbers stored as numbers (digits lost) and never guesses them; uses a formula’s cached result and flags it', async () => {
    const file = path.join(tempDir(), 'numeric.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '身份证号', '乡镇（街道）、社区', '档案卷数', '页数']);
    const id = makeIdNumber(7);
    ws.addRow(['周一', Number(id.slice(0, 15) + '000'), '城关街道东风社区', 1, 20]);
    ws.addRow(['吴二', null, '城关街道东风社区', { formula: 'D2+0', result: 1 } as ExcelJS.CellFormulaValue, 20]);
    ws.getCell('B3').value = { formula: `"${id.slice(0, 9)}"&"${id.slice(9)}"`, result: id } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);
    const r = await readRoster(file);
    expect(r.rows[0]).toMatchObject({ idNumeric: true });
    expect(r.rows[1]).toMatchObject({ idText: id, idNumeric: false, volumesText: '1' });
    expect(r.rows[1]?.idFormula).toContain('&');
    const { findings, rows } = checkRoster(r);
    expect(findings.map((f) => [f.code, f.row])).toEqual([
      ['ID_NUMERIC_PRECISION', 2],
      ['ID_FORMULA', 3],
    ]);
    expect(findings[0]?.message).toContain('15 位');
    expect(rows[0]?.matchId).toBeNull();
    expect(rows[1]?.matchId).toBe(id);
  });

  it('reads a 20,000-row roster quickly', async () => {
    const file = path.join(tempDir(), 'big.xlsx');
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ name: makeName(i), id: makeIdNumber(i, String(110000 + (i % 900) * 100).slice(0, 6)), volumes: 1, pages: 30 + (i % 50) }));
    await writeOfficialRoster(file, entries);
    const t = performance.now();
    const r = await readRoster(file);
    const checked = checkRoster(r);
    const ms = performance.now() - t;
    console.log(`20,000-row roster: read + checked in ${ms.toFixed(0)} ms`);
    expect(r.rows).toHaveLength(20_000);
    expect(r.rows[19_999]?.row).toBe(20_004);
    expect(checked.rows.filter((x) => x.idValid)).toHaveLength(20_000);
    expect(ms).toBeLessThan(20_000);
  });

  it('refuses hostile files with a Chinese message instead of crashing', async () => {
    const dir = tempDir();
    const corrupt = path.join(dir, 'corrupt.xlsx');
    fs.writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    expect((await refusal(readRoster(corrupt))).message).toContain('损坏');

    // An encrypted Office file is an OLE compound file with an EncryptedPackage stream.
    const locked = path.join(dir, 'locked.xlsx');
    fs.writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]));
    expect((await refusal(readRoster(locked))).message).toContain('密码');

    // Zip bomb: a small file that inflates past the limit is refused before exceljs sees it.
    const bomb = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(bomb, zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024, 0x20)));
    const bombErr = await refusal(readRoster(bomb, { limits: { maxUnzippedBytes: 1024 * 1024 } }));
    expect(bombErr.message).toContain('解压后超过');
    expect(fs.statSync(bomb).size).toBeLessThan(64 * 1024);

    const missing = await refusal(readRoster(path.join(dir, 'nope.xlsx')));
    expect(missing.message).toContain('找不到名册文件');
    const noHeader = path.join(dir, 'noheader.csv');
    fs.writeFileSync(noHeader, 'a,b,c\n1,2,3\n');
    expect((await refusal(readRoster(noHeader))).message).toContain('表头');
  });

  it('splits combined place texts by their suffixes without guessing', () => {
    expect(splitPlace('东城区城关街道东风社区')).toEqual({ county: '东城区', town: '城关街道', community: '东风社区' });
    expect(splitPlace('某县/城关镇/红星村')).toEqual({ county: '某县', town: '城关镇', community: '红星村' });
    expect(splitPlace('新市镇红旗村')).toEqual({ county: '', town: '新市镇', community: '红旗村' });
  });
});

/** A one-entry ZIP (deflated) — enough of an .xlsx for the size guard to judge. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = zlib.deflateRawSync(content, { level: 9 });
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}
