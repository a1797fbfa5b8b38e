/** Findings about a person's digital copy, from the page records of the three phases. */
import path from 'node:path';
import { finding, type Finding, type FindingSubject } from './findings';
import { FORMAT_LABELS } from './imageFormat';
import type { ItemListTotal } from './itemList';
import type { PackageScan, PersonFolder } from './packageScan';
import type { PageRecord } from './pageRecords';
import type { CheckedRow } from './rosterChecks';
import { checkSequence } from './sequence';

export interface DigitalOptions {
  skewLimitDegrees: number;
  minDpi: number;
}

export interface FolderCheck {
  folder: PersonFolder;
  row: CheckedRow | null;
  /** Set when an earlier folder already carries this ID number. */
  duplicateOf: string | null;
  records: PageRecord[];
  nearDup: ReadonlyMap<PageRecord, { of: number; similarity: number }>;
  /** First page seen with each SHA-256, across the whole package (filled as folders are checked). */
  firstBySha: Map<string, PageRecord>;
  itemLists: ReadonlyMap<string, ItemListTotal>;
}

/** A person's name from the folder name, when there is no roster row ("张三_1101…" → 张三). */
export function nameFromFolder(folder: PersonFolder): string | null {
  const base = path.basename(folder.abs).replace(folder.idNumber, '').replace(folder.idNumber.toLowerCase(), '');
  const name = base.replace(/[\s_\-—.,，、()（）[\]【】]+/g, '');
  return name || null;
}

export function folderSubject(folder: PersonFolder, row: CheckedRow | null): FindingSubject {
  return { idNumber: row?.row.idText || folder.idNumber, name: row?.row.name || nameFromFolder(folder), file: folder.rel };
}

function pageLabel(rec: PageRecord): string {
  const file = path.basename(rec.file.rel);
  return rec.tiffPages > 1 ? `第 ${rec.position} 张图像（${file} 第 ${rec.tiffPage + 1} 页）` : `第 ${rec.position} 张图像（${file}）`;
}

/** Inches across an A4 sheet's short side: used only when a file records no resolution. */
const A4_SHORT_INCHES = 210 / 25.4;

export function pageFindings(rec: PageRecord, check: FolderCheck, opts: DigitalOptions): Finding[] {
  const s: FindingSubject = { ...folderSubject(check.folder, check.row), file: rec.file.rel, page: rec.position };
  const who = s.name ? `${s.name}：` : '';
  const label = pageLabel(rec);
  const out: Finding[] = [];
  switch (rec.status) {
    case 'too-large':
      out.push(finding('IMAGE_TOO_LARGE', s, `${who}${label}${rec.problem}，已拒绝解码。请检查该文件并按正常尺寸重新扫描。`));
      return out;
    case 'unsupported': {
      const ext = path.extname(rec.file.rel).toLowerCase();
      const named = ext && !FORMAT_LABELS[rec.format].toLowerCase().includes(ext.slice(1)) ? `（扩展名为 ${ext}）` : '';
      out.push(finding('UNSUPPORTED_FORMAT', s, `${who}${label}是 ${FORMAT_LABELS[rec.format]} 格式${named}；页面图像须为 JPEG 或 TIFF，请转换后重新提交。`));
      return out;
    }
    case 'unreadable':
      out.push(finding('UNREADABLE_IMAGE', s, `${who}${label}无法读取：${rec.problem}。请重新扫描或重新拷贝该页。`));
      return out;
    case 'ok':
      break;
  }
  if (rec.dpi !== null && rec.dpi < opts.minDpi) {
    out.push(finding('LOW_DPI', s, `${who}${label}的分辨率为 ${rec.dpi} dpi，低于要求的 ${opts.minDpi} dpi，请重新扫描。`));
  } else if (rec.dpi === null) {
    const estimate = Math.round(Math.min(rec.width, rec.height) / A4_SHORT_INCHES);
    if (estimate < opts.minDpi * 0.95) {
      out.push(finding('LOW_DPI', s, `${who}${label}没有记录分辨率，按 A4 纸估算约 ${estimate} dpi，低于要求的 ${opts.minDpi} dpi，请重新扫描。`));
    }
  }
  const first = rec.tiffPages === 1 ? check.firstBySha.get(rec.sha256) : undefined;
  if (first) {
    const where = first.folder === rec.folder ? pageLabel(first) : `${first.file.rel}`;
    out.push(finding('DUPLICATE_IMAGE', s, `${who}${label}与${first.folder === rec.folder ? '' : '另一人的 '}${where}完全相同（同一文件内容），请删除重复的图像并补扫缺少的页。`));
  } else {
    if (rec.tiffPages === 1 && rec.sha256) check.firstBySha.set(rec.sha256, rec);
    const near = check.nearDup.get(rec);
    if (near) {
      const other = check.records[near.of - 1];
      out.push(
        finding(
          'DUPLICATE_IMAGE',
          s,
          `${who}${label}与${other ? pageLabel(other) : `第 ${near.of} 张图像`}几乎相同（相似度 ${Math.round(near.similarity * 100)}%，疑似同一页扫描了两次），请核对后删除重复的一张并补扫缺少的页。`,
        ),
      );
    }
  }
  if (rec.blank === false && rec.skewDegrees !== null && Math.abs(rec.skewDegrees) > opts.skewLimitDegrees) {
    out.push(finding('SKEW', s, `${who}${label}倾斜约 ${Math.abs(rec.skewDegrees).toFixed(1)}°，超过 ${opts.skewLimitDegrees}° 的限值，请纠偏后重新提交。`));
  }
  return out;
}

function positions(list: readonly number[]): string {
  const shown = list.slice(0, 10).join('、');
  return list.length > 10 ? `${shown} 等 ${list.length} 张` : shown;
}

export function folderFindings(check: FolderCheck, _opts: DigitalOptions): Finding[] {
  const { folder, row, records } = check;
  const s = folderSubject(folder, row);
  const who = s.name ? `${s.name}：` : '';
  const out: Finding[] = [];
  if (check.duplicateOf) {
    out.push(finding('DUPLICATE_FOLDER', s, `${who}文件夹「${folder.rel}」与另一个文件夹对应同一身份证号 ${folder.idNumber}，请合并或删除多余的文件夹。`));
    return out;
  }
  if (!row) {
    out.push(
      finding('NO_ROSTER_ROW', s, `文件夹「${folder.rel}」（${records.length} 张图像）在名册中没有对应的人（身份证号 ${folder.idNumber}），请核对名册或文件夹名。`),
    );
  }
  const counted = records.filter((r) => r.blank !== true);
  const blanks = records.length - counted.length;
  if (row && row.pages !== null && counted.length !== row.pages) {
    const blankNote = blanks > 0 ? `（另有 ${blanks} 张空白页不计入）` : '';
    out.push(
      finding(
        'PAGE_COUNT_MISMATCH',
        s,
        `${who}名册登记 ${row.pages} 页，数字副本有 ${counted.length} 张页面图像${blankNote}，${counted.length < row.pages ? '缺页' : '多出页面'}，请核对。`,
      ),
    );
  }
  const volumes = [...new Set(records.map((r) => r.file.volume))];
  if (row && row.volumes !== null && volumes.length > 1 && volumes.length !== row.volumes) {
    out.push(finding('VOLUME_COUNT_MISMATCH', s, `${who}名册登记 ${row.volumes} 卷，数字副本分为 ${volumes.length} 个卷文件夹，请核对。`));
  }
  for (const volume of volumes) {
    // Pages that could not be decoded stay in the sequence as unknowns: they may carry the missing number.
    const inVolume = counted.filter((r) => r.file.volume === volume);
    if (!inVolume.some((r) => r.numberTried)) continue;
    const vLabel = volumes.length > 1 ? `卷「${volume || '（根目录）'}」` : '';
    for (const issue of checkSequence(inVolume.map((r) => ({ position: r.position, number: r.printedNumber })))) {
      const at = { ...s, page: issue.position, file: records[issue.position - 1]?.file.rel ?? s.file };
      const label = records[issue.position - 1] ? pageLabel(records[issue.position - 1] as PageRecord) : `第 ${issue.position} 张图像`;
      if (issue.kind === 'gap') {
        const missing = issue.missing.length > 0 ? `，缺少第 ${issue.missing.join('、')} 页` : '';
        out.push(finding('PAGE_SEQUENCE_GAP', at, `${who}${vLabel}页码不连续：${label}印的页码是 ${issue.to}，前一个页码是 ${issue.from}${missing}。请补扫缺页或核对页码。`));
      } else if (issue.kind === 'repeat') {
        out.push(finding('PAGE_SEQUENCE_REPEAT', at, `${who}${vLabel}页码重复：${label}印的页码 ${issue.number} 与第 ${issue.firstPosition} 张图像相同。请核对是否重复扫描或页码编错。`));
      } else {
        out.push(finding('PAGE_SEQUENCE_GAP', at, `${who}${vLabel}页码顺序错乱：${label}印的页码是 ${issue.number}，却排在页码 ${issue.after} 之后。请按页码顺序重新命名图像。`));
      }
    }
    const unread = inVolume.filter((r) => r.numberTried && r.printedNumber === null).map((r) => r.position);
    if (unread.length > 0) {
      out.push(
        finding(
          'PAGE_NUMBER_UNREAD',
          { ...s, page: unread[0] ?? null },
          `${who}${vLabel}第 ${positions(unread)} 张图像上没有识别出页码，请人工核对这些页是否编了页码。`,
        ),
      );
    }
  }
  for (const list of folder.itemLists) {
    const total = check.itemLists.get(list.abs);
    const at = { ...s, file: list.rel };
    if (!total) continue;
    if (!total.ok) {
      out.push(finding('ITEM_LIST_UNREADABLE', at, `${who}卷内目录「${path.basename(list.rel)}」无法核对：${total.message}。`));
      continue;
    }
    const scope = list.volume && volumes.length > 1 ? counted.filter((r) => r.file.volume === list.volume) : counted;
    if (total.pages !== scope.length) {
      out.push(
        finding(
          'ITEM_LIST_PAGES_MISMATCH',
          at,
          `${who}卷内目录「${path.basename(list.rel)}」的页数合计为 ${total.pages} 页（${total.items} 条），与 ${scope.length} 张页面图像不一致，请核对目录或图像。`,
        ),
      );
    }
  }
  return out;
}

const UNSAFE_REASONS = {
  symlink: '是符号链接（快捷方式），不会被跟随读取',
  special: '不是普通文件（设备、管道等），不会被读取',
  name: '的名称含有“..”或路径分隔符，可能试图访问数字副本以外的位置，不会被读取',
  depth: '的文件夹层级过深，未继续读取',
  'too-many': '中的文件过多，未全部读取',
  unreadable: '无法打开（可能没有访问权限），其中的文件未检查',
} as const;

/** Unsafe paths and page images outside any person folder. */
export function strayFindings(scan: PackageScan, subjects: (rel: string) => FindingSubject): Finding[] {
  const out: Finding[] = [];
  for (const u of scan.unsafe) {
    const s = { ...subjects(u.rel), file: u.rel };
    out.push(finding('UNSAFE_PATH', s, `数字副本中的「${u.rel}」${UNSAFE_REASONS[u.reason]}。请让移交单位提供普通文件。`));
  }
  for (const f of scan.strayFolders) {
    out.push(finding('NO_ROSTER_ROW', { file: f.rel }, `文件夹「${f.rel}」中有 ${f.images} 张图像，但文件夹名中没有身份证号，无法对应到名册中的人。请按“姓名_身份证号”命名人员文件夹。`));
  }
  if (scan.strayImages.length > 0) {
    out.push(
      finding(
        'NO_ROSTER_ROW',
        { file: scan.strayImages[0] ?? null },
        `数字副本根目录下有 ${scan.strayImages.length} 张图像不在任何人员文件夹中（如「${scan.strayImages[0] ?? ''}」），无法对应到名册中的人。请放入对应人员的文件夹。`,
      ),
    );
  }
  return out;
}
