import { isMessageKey, type MessageKey, type Translate } from '../i18n/i18n.ts';
import type { AuditAction } from './actions.ts';

/**
 * Fails to compile while an action has no label; the error names the codes. Add
 * `'audit.action.<code>'` to src/platform/i18n/catalog/audit-labels.da.ts and audit-labels.en.ts
 * (the English catalog must have every Danish key, so one check covers both).
 */
type Unlabelled = Exclude<`audit.action.${AuditAction}`, MessageKey>;
export const everyActionLabelled: [Unlabelled] extends [never]
  ? true
  : { 'add these keys to src/platform/i18n/catalog/audit-labels.da.ts and audit-labels.en.ts': Unlabelled } = true;

/**
 * An action as people read it. On one's own log (`aboutMe`) the "you" wording where there is one
 * ("Så din praktik"); else what was done ("Så en praktik"). A code no longer known (an old entry)
 * shows as it is.
 */
export function actionLabel(t: Translate, code: string, aboutMe = false): string {
  const mine = `audit.mine.${code}`;
  if (aboutMe && isMessageKey(mine)) return t(mine);
  const key = `audit.action.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
