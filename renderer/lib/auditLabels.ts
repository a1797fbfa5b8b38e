/** Chinese names for the action codes the services write into 操作日志 (see electron/services/domain). */
export const ACTION_LABELS: Record<string, string> = {
  'workspace.create': '创建档案库',
  'workspace.restore': '从备份恢复',
  'session.login': '登录',
  'session.loginFailed': '登录失败',
  'session.recover': '用恢复密钥重设密码',
  'session.unlock': '解锁',
  'session.lock': '锁定',
  'session.logout': '退出登录',
  'session.changePassword': '修改密码',
  'user.add': '新增用户',
  'user.update': '修改用户',
  'user.enable': '启用用户',
  'user.disable': '停用用户',
  'user.resetPassword': '重置密码',
  'user.recover': '用恢复密钥重设密码',
  'town.add': '新增乡镇（街道）',
  'town.update': '修改乡镇（街道）',
  'community.add': '新增社区',
  'community.update': '修改社区',
  'person.add': '新增退休人员',
  'person.update': '修改退休人员',
  'settings.update': '修改设置',
  'backup.create': '数据备份',
};

/** Options for the 操作类型 filter: the server matches by prefix, so a group is its prefix. */
export const ACTION_FILTER_GROUPS: { label: string; options: { value: string; label: string }[] }[] = [
  {
    label: '按类别',
    options: [
      { value: 'session.', label: '登录与锁定（全部）' },
      { value: 'person.', label: '退休人员（全部）' },
      { value: 'town.', label: '乡镇（街道）（全部）' },
      { value: 'community.', label: '社区（全部）' },
      { value: 'user.', label: '用户管理（全部）' },
    ],
  },
  {
    label: '具体操作',
    options: Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
  },
];

export const ENTITY_LABELS: Record<string, string> = {
  person: '退休人员',
  user: '用户',
  town: '乡镇（街道）',
  community: '社区',
  settings: '设置',
  workspace: '档案库',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}
