/**
 * Roster checks (no workspace needed): ID numbers, duplicates, names, 卷数/页数, and — when the caller
 * passes them — known towns/communities, ID numbers already held and those in other open batches.
 */
import { checkIdNumber, normaliseIdNumber } from '../../../../shared/idNumber';
import type { RosterReadResult, RosterRow } from '../roster/types';
import { finding, type Finding } from './findings';

export interface KnownCommunity {
  town: string;
  community: string;
}

export interface RosterCheckContext {
  /** Known towns/streets and communities; UNKNOWN_COMMUNITY is only checked when given. */
  communities?: readonly KnownCommunity[];
  /** ID numbers of persons the archive already holds (ALREADY_HELD). */
  heldIds?: ReadonlySet<string>;
  /** ID numbers in other open intake batches (IN_OPEN_BATCH). */
  openBatchIds?: ReadonlySet<string>;
  today?: Date;
}

/** A roster row after its own checks: the normalised ID it can be matched by (null: unusable). */
export interface CheckedRow {
  row: RosterRow;
  /** Normalised ID for matching folders (also set for a wrong check digit: the folder may carry the same typo). */
  matchId: string | null;
  idValid: boolean;
  volumes: number | null;
  pages: number | null;
}

/** 卷数/页数: a whole number ≥ 1 (Excel may store 3 as 3.0; full-width digits are accepted). */
export function parseCount(text: string): number | null {
  const t = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[\s卷页册]/g, '');
  if (!/^\d+(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

export function normalisePlace(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/(街道办事处|办事处|居委会|居民委员会|村委会)$/, (m) => (m.startsWith('街道') ? '街道' : ''));
}

function subjectOf(row: RosterRow, file: string) {
  return { idNumber: row.idText || null, name: row.name || null, file, row: row.row };
}

function where(row: RosterRow): string {
  return `名册第 ${row.row} 行`;
}

function checkId(row: RosterRow, file: string, today: Date, out: Finding[]): { matchId: string | null; valid: boolean } {
  const s = subjectOf(row, file);
  // 16+ digits (or an exponent) stored as a number: Excel kept 15 significant digits, the rest are gone.
  if (row.idNumeric && (/^\d{16,}$/.test(row.idText) || /e/i.test(row.idText))) {
    out.push(
      finding(
        'ID_NUMERIC_PRECISION',
        s,
        `${where(row)}（${row.name || '无姓名'}）的身份证号在表格中被存成了数字（${row.idText}），Excel 只保留 15 位有效数字，后几位已经丢失，无法核对。请让移交单位把该列设为“文本”后重新填写号码。`,
      ),
    );
    return { matchId: null, valid: false };
  }
  if (row.idFormula !== null) {
    out.push(
      finding(
        'ID_FORMULA',
        s,
        `${where(row)}（${row.name || '无姓名'}）的身份证号是公式（=${row.idFormula}）算出来的，已按表格中保存的结果“${row.idText}”核对。请让移交单位改为直接填写号码。`,
      ),
    );
  }
  const r = checkIdNumber(row.idText, today);
  if (r.ok) return { matchId: r.idNumber, valid: true };
  const id = normaliseIdNumber(row.idText);
  switch (r.reason) {
    case 'EMPTY':
    case 'LENGTH':
    case 'CHARACTERS': {
      const hint = r.reason === 'LENGTH' && id.length === 15 ? '这是旧版 15 位号码，请换成 18 位身份证号。' : r.message;
      out.push(finding('ID_FORMAT', s, `${where(row)}（${row.name || '无姓名'}）：${r.reason === 'EMPTY' ? '没有填写身份证号。' : hint}`));
      return { matchId: /^\d{17}[\dX]$/.test(id) ? id : null, valid: false };
    }
    case 'BIRTH_DATE':
      out.push(finding('ID_BIRTH_DATE', s, `${where(row)}（${row.name || '无姓名'}）：${r.message}`));
      return { matchId: id, valid: false };
    case 'CHECKSUM': {
      // Digits ending in 000 are what Excel leaves after rounding a long number to 15 digits.
      const rounded = /000$/.test(id) ? '号码末尾是 000，可能是 Excel 曾把它当作数字保存而丢失了末几位。' : '';
      out.push(finding('ID_CHECKSUM', s, `${where(row)}（${row.name || '无姓名'}）：${r.message}${rounded}`));
      return { matchId: id, valid: false };
    }
  }
}

function checkCounts(row: RosterRow, file: string, out: Finding[]): { volumes: number | null; pages: number | null } {
  const s = subjectOf(row, file);
  const volumes = parseCount(row.volumesText);
  if (volumes === null) {
    out.push(finding('BAD_VOLUMES', s, `${where(row)}（${row.name || '无姓名'}）的档案卷数“${row.volumesText || '空'}”不是大于 0 的整数，请填写实际卷数。`));
  }
  const pages = parseCount(row.pagesText);
  if (pages === null) {
    out.push(finding('BAD_PAGES', s, `${where(row)}（${row.name || '无姓名'}）的页数“${row.pagesText || '空'}”不是大于 0 的整数，请填写实际页数。`));
  }
  return { volumes, pages };
}

export function checkRoster(roster: RosterReadResult, ctx: RosterCheckContext = {}): { rows: CheckedRow[]; findings: Finding[] } {
  const file = roster.file;
  const today = ctx.today ?? new Date();
  const findings: Finding[] = [];
  if (roster.ambiguous) {
    for (const a of roster.ambiguities) findings.push(finding('ROSTER_MAPPING_AMBIGUOUS', { file }, `名册的列对应关系需要确认：${a}`));
  }
  const known = ctx.communities
    ? {
        towns: new Set(ctx.communities.map((c) => normalisePlace(c.town))),
        pairs: new Set(ctx.communities.map((c) => `${normalisePlace(c.town)}/${normalisePlace(c.community)}`)),
        communities: new Set(ctx.communities.map((c) => normalisePlace(c.community))),
      }
    : null;
  const firstRowOf = new Map<string, RosterRow>();
  const rows: CheckedRow[] = [];
  for (const row of roster.rows) {
    const s = subjectOf(row, file);
    const id = checkId(row, file, today, findings);
    if (row.name === '') findings.push(finding('MISSING_NAME', s, `${where(row)}没有填写姓名，请补填。`));
    const counts = checkCounts(row, file, findings);
    if (id.matchId) {
      const first = firstRowOf.get(id.matchId);
      if (first) {
        findings.push(
          finding('DUPLICATE_PERSON', s, `${where(row)}（${row.name || '无姓名'}）与第 ${first.row} 行（${first.name || '无姓名'}）是同一身份证号，同一人在名册中出现了两次，请删除重复的一行。`),
        );
      } else firstRowOf.set(id.matchId, row);
      if (ctx.heldIds?.has(id.matchId)) {
        findings.push(finding('ALREADY_HELD', s, `${where(row)}（${row.name || '无姓名'}）的档案已在本馆保管，不能重复接收。请与移交单位核实。`));
      }
      if (ctx.openBatchIds?.has(id.matchId)) {
        findings.push(finding('IN_OPEN_BATCH', s, `${where(row)}（${row.name || '无姓名'}）已在另一个尚未办结的接收批次中，请先核实该批次。`));
      }
    }
    if (known) {
      const town = normalisePlace(row.town);
      const community = normalisePlace(row.community);
      const ok = town && community ? known.pairs.has(`${town}/${community}`) : community ? known.communities.has(community) : false;
      if (!ok) {
        const place = [row.town, row.community].filter((x) => x).join(' ') || '（空）';
        const why = !town && !community ? '没有填写乡镇（街道）和社区' : town && !known.towns.has(town) ? `乡镇（街道）“${row.town}”不在本馆的名单中` : `“${place}”不是已登记的社区`;
        findings.push(finding('UNKNOWN_COMMUNITY', s, `${where(row)}（${row.name || '无姓名'}）：${why}。请核对移交地，或先在设置中登记该社区。`));
      }
    }
    rows.push({ row, matchId: id.matchId, idValid: id.valid, volumes: counts.volumes, pages: counts.pages });
  }
  return { rows, findings };
}
