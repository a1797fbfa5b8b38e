/** The 查借阅 page's tabs and which roles see each (the services enforce the same permissions). */
import { can, type Role } from '../../../shared/roles';

export type LendingTab = 'request' | 'list' | 'approve' | 'desk' | 'view' | 'register' | 'transfer' | 'settings';

export const TAB_LABELS: Record<LendingTab, string> = {
  request: '新申请',
  list: '申请列表',
  approve: '审批',
  desk: '借出/归还',
  view: '电子查阅',
  register: '登记簿',
  transfer: '转出',
  settings: '查借阅设置',
};

export function lendingTabs(role: Role): LendingTab[] {
  const tabs: LendingTab[] = [];
  if (can(role, 'lending.request')) tabs.push('request');
  tabs.push('list');
  if (can(role, 'lending.approve')) tabs.push('approve');
  if (can(role, 'lending.execute')) tabs.push('desk', 'view');
  tabs.push('register');
  if (can(role, 'lending.request')) tabs.push('transfer');
  if (can(role, 'lending.approve')) tabs.push('settings');
  return tabs;
}
