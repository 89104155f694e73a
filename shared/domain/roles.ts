import { z } from 'zod';

/** Roles in increasing order of authority: each role may do what the ones before it may. */
export const roles = ['officer', 'supervisor', 'administrator'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Who may call a channel: anyone (before login too) or a minimum role. */
export type Access = 'public' | Role;

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

export function mayAccess(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return roleRank(role) >= roleRank(access);
}
