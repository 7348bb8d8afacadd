import type { Membership } from '../access/policy.ts';

/**
 * Who may read a message in the development outbox. The outbox shows working sign-in and
 * invitation links, so reading a message is signing in as its recipient: a municipality's
 * administrator sees only mail to people of that one municipality who hold no administrator role
 * (not another administrator's, not a cross-municipal account's); the system administrator sees
 * everything. A recipient nobody can place is seen by the system administrator only.
 */
export interface OutboxAudience {
  /** The recipient's one municipality; null when none or several. */
  municipalityId: string | null;
  /** Only the system administrator may read it. */
  privileged: boolean;
}

const ADMIN_ROLES = new Set(['municipality_admin', 'system_admin']);

/** The audience of mail to someone with these memberships (held, or granted by a pending invitation). */
export function outboxAudience(memberships: readonly Membership[]): OutboxAudience {
  const places = new Set(memberships.map((m) => m.municipalityId));
  const [only] = places;
  if (places.size !== 1 || only === null || only === undefined) return { municipalityId: null, privileged: true };
  return { municipalityId: only, privileged: memberships.some((m) => ADMIN_ROLES.has(m.role)) };
}

/** Whether someone with these memberships may read a message with this audience. */
export function mayReadOutboxMessage(viewer: readonly Membership[], audience: OutboxAudience): boolean {
  if (viewer.some((m) => m.role === 'system_admin')) return true;
  if (audience.privileged || audience.municipalityId === null) return false;
  return viewer.some((m) => m.role === 'municipality_admin' && m.municipalityId === audience.municipalityId);
}
