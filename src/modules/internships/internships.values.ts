// The values of an internship: its states, its end and its weekly attendance.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const earlyEndReasons = ['job_offer', 'education', 'illness', 'did_not_work_out', 'other'] as const;
export type EarlyEndReason = (typeof earlyEndReasons)[number];
export const attendanceValues = ['met', 'absent_notice', 'absent_no_notice', 'sick', 'off'] as const;
export type AttendanceValue = (typeof attendanceValues)[number];
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof weekdays)[number];
export const internshipStatuses = ['planned', 'awaiting_approval', 'active', 'extended', 'completed', 'ended_early'] as const;
export type InternshipStatus = (typeof internshipStatuses)[number];
/** States in which the internship is still going or about to start (at most one per young person). */
export const openStatuses: readonly InternshipStatus[] = ['planned', 'awaiting_approval', 'active', 'extended'];
export const vitasStatuses = ['not_sent', 'awaiting', 'approved'] as const;
export type VitasStatus = (typeof vitasStatuses)[number];
