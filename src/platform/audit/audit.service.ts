import type { Clock } from '../clock.ts';
import type { Actor } from '../access/policy.ts';
import type { AuditRepository } from './audit.repository.ts';
import { UUID } from '../validation.ts';
import { afterUnit } from '../db/ambient.ts';
import type { AuditAction } from './actions.ts';

/**
 * The action codes `record` accepts: a literal code must be one of actions.ts (an unknown one does
 * not compile, and the error names it). A plain `string` (a helper's parameter) passes here; those
 * are checked by test/unit/audit-actions.test.ts, which scans the sources.
 */
export type KnownAction<A extends string> = string extends A
  ? string
  : A extends AuditAction
    ? A
    : {
        unknownAuditAction: A;
        addItTo: 'auditActions in src/platform/audit/actions.ts, with labels in i18n/catalog/audit-labels.{da,en}.ts';
      };

export interface AuditEntry<A extends string = string> {
  action: A & KnownAction<A>;
  outcome?: 'allowed' | 'denied' | 'failed';
  actorRole?: string | null;
  municipalityId?: string | null;
  targetType?: string;
  targetId?: string;
  subjectUserId?: string | null;
  details?: Record<string, unknown>;
}

/** Context of one request or job: who acts, and the request id for the logs. */
export interface Context {
  actor: Actor | null;
  requestId?: string;
}

/** A value safe to keep in the audit log: no control characters, at most 100 characters. */
export function auditSafe(value: string): string {
  let out = '';
  for (let i = 0; i < Math.min(value.length, 100); i++) {
    const code = value.charCodeAt(i);
    out += code < 0x20 || code === 0x7f ? '?' : value[i];
  }
  return out;
}

const uuidOrNull = (v: string | null | undefined) => (v && UUID.test(v) ? v : null);
/** jsonb cannot hold NUL. */
const withoutNul = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replaceAll('\u0000', '')
    : Array.isArray(v)
      ? v.map(withoutNul)
      : v && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNul(x)]))
        : v;

/** Appends to the audit log. There is deliberately no update or delete. */
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs a write and the audit entries it records as one transaction: both are kept, or neither
   * (#19.10). Every repository call inside joins it; nested calls join the outer one.
   */
  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.repo.atomically(fn);
  }

  /**
   * Appends entries; inside a transaction they commit with it. A refusal (`denied`) is kept even
   * when the transaction it happened in is rolled back: it is written once that has ended.
   */
  async record<A extends string>(ctx: Context, entries: AuditEntry<A> | AuditEntry<A>[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length && list.every((e) => e.outcome === 'denied')) return afterUnit(() => this.insert(ctx, list));
    return this.insert(ctx, list);
  }

  private async insert<A extends string>(ctx: Context, list: AuditEntry<A>[]): Promise<void> {
    const at = this.clock.now();
    await this.repo.insert(
      list.map((e) => ({
        at,
        actorUserId: ctx.actor?.userId ?? null,
        actorRole: e.actorRole ?? null,
        // A refused attempt with a malformed value is still written: ids that are not UUIDs are left out, texts made safe.
        municipalityId: uuidOrNull(e.municipalityId),
        action: e.action,
        outcome: e.outcome ?? 'allowed',
        targetType: e.targetType ?? null,
        targetId: e.targetId === undefined ? null : auditSafe(e.targetId),
        subjectUserId: uuidOrNull(e.subjectUserId),
        requestId: ctx.requestId ?? null,
        details: e.details ? (withoutNul(e.details) as Record<string, unknown>) : null,
      })),
    );
  }
}
