/**
 * Which roster field a header text names. The official form and the variants enterprises actually
 * send (身份证号 vs 社会保障号码, 卷数 vs 档案卷数, 乡镇/街道/社区 split or combined) all land here.
 */
import type { RosterField } from './types';

/** Removes whitespace (wrapped header cells) and unifies full-width punctuation. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/／/g, '/');
}

const TOWN = /乡镇|街道|镇\)|乡\)|^镇|^乡|苏木/;
const COMMUNITY = /社区|村|居委|嘎查/;
const COUNTY = /县|市区|区县|^区|旗/;

export function classifyHeader(raw: string): RosterField | null {
  const t = normaliseHeader(raw);
  if (t === '') return null;
  if (/^(序号|编号|顺序号|No\.?)$/i.test(t)) return 'serial';
  if (/姓名|名字/.test(t)) return 'name';
  if (/身份证|社会保障号|社保号|公民身份号|证件号/.test(t)) return 'idNumber';
  if (/卷数|^卷$|^册数$|^档案册数$/.test(t) && !/卷内/.test(t)) return 'volumes';
  if (/页数|^页$|^张数$/.test(t)) return 'pages';
  if (/其[它他](资料|材料)/.test(t)) return 'other';
  if (/备注/.test(t)) return 'remarks';
  const town = TOWN.test(t);
  const community = COMMUNITY.test(t);
  const county = COUNTY.test(t.replace(/市区\)?$/, '市区'));
  if (county && (town || community)) return 'place';
  if (town && community) return 'townCommunity';
  if (community) return 'community';
  if (town) return 'town';
  if (county) return 'county';
  if (/移交地|地址|住址|所在地/.test(t)) return 'place';
  return null;
}

/** Fields whose absence makes the desk confirm the mapping. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'idNumber', 'volumes', 'pages'];

/** Footer labels: the table ends where one of these appears. */
export const FOOTER_LABELS = ['填报人', '填表人', '制表人', '联系电话', '填报日期', '填表日期', '审核人', '负责人', '盖章'] as const;

const TOWN_SUFFIX = /街道办事处|街道|镇|乡|苏木/;
const COMMUNITY_END = /(社区居委会|社区|居委会|村委会|村|嘎查)$/;
const COUNTY_END = /(自治县|县|市|区|旗)$/;

/**
 * Splits a place text ("城关街道东风社区", "某县/城关镇/东风村", "城关街道、东风社区") into its parts by
 * the usual suffixes. Parts it cannot place are left empty rather than guessed.
 */
export function splitPlace(text: string): { county: string; town: string; community: string } {
  const out = { county: '', town: '', community: '' };
  const parts = text
    .split(/[/／、,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of parts) {
    const t = TOWN_SUFFIX.exec(p);
    if (t && t.index > 0) {
      const townEnd = t.index + t[0].length;
      const head = p.slice(0, townEnd);
      // A county prefix only when a town name of at least two characters remains ("新市镇" stays whole).
      let cut = -1;
      for (let i = head.length - t[0].length - 3; i >= 1; i--) {
        if (COUNTY_END.test(head.slice(0, i + 1))) {
          cut = i + 1;
          break;
        }
      }
      if (cut > 0 && !out.county) out.county = head.slice(0, cut);
      if (!out.town) out.town = cut > 0 ? head.slice(cut) : head;
      const rest = p.slice(townEnd);
      if (rest && !out.community) out.community = rest;
    } else if (COMMUNITY_END.test(p)) {
      if (!out.community) out.community = p;
    } else if (COUNTY_END.test(p)) {
      if (!out.county) out.county = p;
    } else if (!out.town) {
      out.town = p;
    }
  }
  return out;
}
