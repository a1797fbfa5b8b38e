/** The shell's areas and who may enter them (the services enforce the same permissions). */
import { can, type Role } from '../../shared/roles';

export type Area = 'home' | 'persons' | 'intake' | 'digitize' | 'storage' | 'lending' | 'communities' | 'users' | 'audit' | 'settings';

export const AREA_LABELS: Record<Area, string> = {
  home: '首页',
  persons: '退休人员',
  intake: '档案接收',
  digitize: '数字化',
  storage: '库房管理',
  lending: '查借阅',
  communities: '社区管理',
  users: '用户管理',
  audit: '操作日志',
  settings: '系统设置',
};

const ORDER: Area[] = ['home', 'persons', 'intake', 'digitize', 'storage', 'lending', 'communities', 'users', 'audit', 'settings'];

export function mayEnter(role: Role, area: Area): boolean {
  switch (area) {
    case 'home':
      return true; // what needs attention today: overdue loans, approvals waiting, receipts not back
    case 'intake':
      return can(role, 'intake.read');
    case 'storage':
      return can(role, 'storage.read');
    case 'lending':
      return can(role, 'lending.request') || can(role, 'lending.approve');
    case 'persons':
      return can(role, 'person.read');
    case 'digitize':
      return can(role, 'digitize.read');
    case 'communities':
      return can(role, 'community.read');
    case 'users':
      return can(role, 'user.manage');
    case 'audit':
      return can(role, 'audit.read');
    case 'settings':
      return true; // everyone changes their own password there
  }
}

export function allowedAreas(role: Role): Area[] {
  return ORDER.filter((a) => mayEnter(role, a));
}
