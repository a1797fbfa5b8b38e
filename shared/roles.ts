/**
 * Roles and what each may do. The core dispatcher checks these on every call, so hiding a button
 * in the UI is only a convenience, never the guard.
 */
export const ROLES = ['admin', 'supervisor', 'intake', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  supervisor: '主管',
  intake: '接收员',
  clerk: '档案员',
};

export const PERMISSIONS = [
  'person.read',
  'person.write',
  'community.read',
  'community.write',
  'user.manage',
  'audit.read',
  'settings.write',
  'backup.run',
  'digitize.read',
  'digitize.write',
  'intake.read',
  'intake.write',
  /** Accept a batch that still has open findings (supervisor's call). */
  'intake.accept',
  'storage.read',
  'storage.write',
  'lending.request',
  'lending.approve',
  'lending.execute',
  'document.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  supervisor: [
    'person.read', 'person.write', 'community.read', 'community.write', 'audit.read', 'digitize.read', 'digitize.write',
    'intake.read', 'intake.write', 'intake.accept', 'storage.read', 'storage.write',
    'lending.request', 'lending.approve', 'lending.execute', 'document.read',
  ],
  intake: ['person.read', 'person.write', 'community.read', 'digitize.read', 'intake.read', 'intake.write', 'storage.read', 'document.read'],
  clerk: [
    'person.read', 'community.read', 'digitize.read', 'digitize.write', 'intake.read', 'storage.read', 'storage.write',
    'lending.request', 'lending.execute', 'document.read',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}
