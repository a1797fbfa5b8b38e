/**
 * The two class schemes of a personnel file (domain.md §5): enterprise staff files
 * (劳力字〔1992〕33号, classes 1–10) and cadre files (干部人事档案工作条例 2018, 1–10 with 4-1..4-4
 * and 9-1..9-4). A class code is what 序号 starts with: class 4-1, item 3 → "4-1-3".
 */
export type ClassScheme = 'enterprise' | 'cadre';

export interface ArchiveClass {
  code: string;
  label: string;
}

export const SCHEME_LABELS: Record<ClassScheme, string> = {
  enterprise: '企业职工档案（十大类）',
  cadre: '干部人事档案（十大类含 4-1…4-4、9-1…9-4）',
};

export const CLASSES: Record<ClassScheme, readonly ArchiveClass[]> = {
  enterprise: [
    { code: '1', label: '履历材料' },
    { code: '2', label: '自传材料' },
    { code: '3', label: '鉴定、考核、考察材料' },
    { code: '4', label: '评定岗位技能和学历材料' },
    { code: '5', label: '政审材料' },
    { code: '6', label: '参加中国共产党、共青团及民主党派的材料' },
    { code: '7', label: '奖励材料' },
    { code: '8', label: '处分材料' },
    { code: '9', label: '招用、劳动合同、调动、聘用、复员退伍、转业、工资、保险福利待遇、出国、退休、退职等材料' },
    { code: '10', label: '其他可供组织参考的材料' },
  ],
  cadre: [
    { code: '1', label: '履历类' },
    { code: '2', label: '自传和思想类' },
    { code: '3', label: '考核鉴定类' },
    { code: '4-1', label: '学历学位材料' },
    { code: '4-2', label: '专业技术职务（职称）材料' },
    { code: '4-3', label: '学术评鉴材料' },
    { code: '4-4', label: '教育培训材料' },
    { code: '5', label: '政审、审计和审核类' },
    { code: '6', label: '党、团类' },
    { code: '7', label: '表彰奖励类' },
    { code: '8', label: '违规违纪违法处理处分类' },
    { code: '9-1', label: '工资材料' },
    { code: '9-2', label: '任免材料' },
    { code: '9-3', label: '出国（境）材料' },
    { code: '9-4', label: '会议代表材料' },
    { code: '10', label: '其他可供组织参考的材料' },
  ],
};

export function isClassCode(scheme: ClassScheme, code: string): boolean {
  return CLASSES[scheme].some((c) => c.code === code);
}

export function classLabel(scheme: ClassScheme, code: string): string {
  return CLASSES[scheme].find((c) => c.code === code)?.label ?? code;
}

/** Position of a class in its scheme, for sorting items into the official class order. */
export function classOrder(scheme: ClassScheme, code: string): number {
  const i = CLASSES[scheme].findIndex((c) => c.code === code);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
