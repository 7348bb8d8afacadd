/** A demo timestamp, never after the moment of seeding: no answers, posts or reports dated in the future (#15). */
export function notAfter(now: Date, at: Date): Date {
  return at.getTime() > now.getTime() ? now : at;
}
