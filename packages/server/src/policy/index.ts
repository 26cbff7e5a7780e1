// The one authorization decision point. Every route declares a resource and an action; the
// decision is taken here from the written policy table (POLICY in the domain package,
// packages/domain/src/policy.ts; docs/security.md shows the same table, generated from POLICY by
// `voordeur policy-table`).
import { POLICY, type Action, type Resource, type Rol } from '@voordeur/domain';

export { ACTIONS, POLICY, RESOURCES, ROL_LABEL, ROLLEN } from '@voordeur/domain';
export type { Action, PolicyTable, Resource, Rol } from '@voordeur/domain';

export interface Subject {
  id: number;
  rollen: string[];
}

export interface Decision {
  allow: boolean;
  reason: string;
}

export function decide(subject: Subject | null, resource: Resource, action: Action): Decision {
  if (!subject) return { allow: false, reason: 'niet ingelogd' };
  for (const r of subject.rollen) {
    const allowed = POLICY[r as Rol]?.[resource];
    if (allowed?.includes(action)) return { allow: true, reason: `rol ${r}` };
  }
  return {
    allow: false,
    reason: `geen van de rollen (${subject.rollen.join(', ') || 'geen'}) mag ${action} op ${resource}`,
  };
}
