/**
 * Deterministic synthetic data for the store benchmark: retirees and their item lists (卷内目录).
 * The schema is the app's own: the benchmark runs the real migrations first.
 */
import { checkDigitFor } from '../shared/idNumber';
import type { SqlValue, Tx } from '../electron/services/store/api';

/** Towns and communities the seeded retirees belong to (persons reference communities 1..400). */
export const SEED_COMMUNITIES = 400;

export function seedCommunities(tx: Tx): void {
  for (let t = 1; t <= 10; t++) tx.run('INSERT INTO towns (id, code, name) VALUES (?, ?, ?)', [t, pad(t, 2), `第${t}街道`]);
  for (let c = 1; c <= SEED_COMMUNITIES; c++) {
    tx.run('INSERT INTO communities (id, town_id, code, name) VALUES (?, ?, ?, ?)', [c, 1 + ((c - 1) % 10), pad(c, 3), `第${c}社区`]);
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强淑珍玉兰凤英德明文华国庆永红海燕';
const TITLES = ['职工登记表', '招工审批表', '转正定级审批表', '工资调整审批表', '职务任免审批表', '奖励审批表', '退休审批表', '体检表', '政审材料', '学历证明', '履历表', '党员登记表', '工龄认定表', '社会保险缴费记录'];
const CLASSES = ['1', '2', '3', '4-1', '4-2', '5', '6', '7', '8', '9-1', '9-2', '10'];
const ENTERPRISES = ['市第一纺织厂', '市机械制造公司', '市食品公司', '红星化工厂', '市运输公司', '市百货公司', '东方电器厂', '市建筑公司'];

/** Small deterministic PRNG, so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick(r: () => number, list: string): string;
function pick<T>(r: () => number, list: readonly T[]): T;
function pick(r: () => number, list: readonly unknown[] | string): unknown {
  return list[Math.floor(r() * list.length)];
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function personRow(id: number, r: () => number): SqlValue[] {
  const year = 1935 + Math.floor(r() * 30);
  const birth = `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
  // Area code and 3-digit sequence together encode the id, so ID numbers are unique; the
  // sequence's last digit is the sex digit (odd = male), then the GB 11643 check digit.
  const seq = pad(id % 1000, 3);
  const first17 = `${330000 + Math.floor(id / 1000)}${birth.replace(/-/g, '')}${seq}`;
  const male = Number(seq[2]) % 2 === 1;
  const now = '2024-01-01T00:00:00.000Z';
  return [
    id,
    pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.5 ? pick(r, GIVEN) : ''),
    first17 + checkDigitFor(first17),
    male ? 'M' : 'F',
    birth,
    1 + Math.floor(r() * 400),
    `13${pad(Math.floor(r() * 1e9), 9)}`,
    `某某区某某街道${1 + Math.floor(r() * 300)}号`,
    pick(r, ENTERPRISES),
    `${year + 60}-${pad(1 + Math.floor(r() * 12), 2)}-01`,
    '',
    now,
    now,
  ];
}

export function itemRow(id: number, personId: number, itemNo: number, r: () => number): SqlValue[] {
  return [
    id,
    personId,
    1,
    pick(r, CLASSES),
    itemNo,
    pick(r, TITLES),
    `${1960 + Math.floor(r() * 40)}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`,
    1 + Math.floor(r() * 6),
    '',
  ];
}

/** Inserts rows with multi-row INSERTs of `perStatement` rows (one journal entry per statement). */
export const PERSON_COLUMNS = ['id', 'name', 'id_number', 'sex', 'birth_date', 'community_id', 'phone', 'address', 'enterprise', 'retired_on', 'note', 'created_at', 'updated_at'];
export const ITEM_COLUMNS = ['id', 'person_id', 'volume_no', 'class_code', 'item_no', 'title', 'formed_on', 'pages', 'note'];

export function insertMany(tx: Tx, table: string, columns: readonly string[], rows: SqlValue[][], perStatement = 500): void {
  const one = `(${new Array(columns.length).fill('?').join(',')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    tx.run(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${new Array(chunk.length).fill(one).join(',')}`, chunk.flat());
  }
}
