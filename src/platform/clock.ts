export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: the two-week start clock, weekly jobs and timeouts all read it. */
export class MovableClock implements Clock {
  #at: number;
  constructor(start: Date | string = '2026-03-02T09:00:00Z') {
    this.#at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#at);
  }
  advance(ms: number): void {
    this.#at += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
  set(at: Date | string): void {
    this.#at = new Date(at).getTime();
  }
}
