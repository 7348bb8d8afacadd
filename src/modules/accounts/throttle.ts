/**
 * Backoff after failed sign-ins: free attempts first, then a lock that doubles with each further
 * failure, capped. Pure, so the schedule is tested alone.
 */
export interface ThrottleRule {
  freeAttempts: number;
  baseSeconds: number;
  maxSeconds: number;
}

export const accountRule: ThrottleRule = { freeAttempts: 5, baseSeconds: 30, maxSeconds: 15 * 60 };
export const ipRule: ThrottleRule = { freeAttempts: 20, baseSeconds: 30, maxSeconds: 15 * 60 };

/** Seconds to lock after the given number of consecutive failures (0 = no lock). */
export function lockSeconds(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.freeAttempts;
  if (over < 0) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(over, 20));
}
