/** Options the lending commands add to the CLI's parseArgs table (lists are comma-separated so every value stays a string). */
export const lendingCliOptions = {
  type: { type: 'string' }, // 查阅 | 借阅 | 复制 | 出具证明 | 电子查阅
  purpose: { type: 'string' },
  'purpose-other': { type: 'string' },
  unit: { type: 'string' },
  letter: { type: 'string' },
  reader: { type: 'string' }, // 姓名,身份证号,单位,职务,政治面貌,电话[,关系]; several readers separated by ;
  archive: { type: 'string' }, // 档号[,档号…]; 档号/卷号 for one volume
  due: { type: 'string' },
  note: { type: 'string' },
  opinion: { type: 'string' },
  condition: { type: 'string' },
  'returned-by': { type: 'string' },
  'taken-by': { type: 'string' },
  status: { type: 'string' },
  mine: { type: 'boolean' },
  queue: { type: 'boolean' },
  overdue: { type: 'boolean' },
} as const;
