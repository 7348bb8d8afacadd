// The values of an internship's end and its weekly attendance.
// Without the tables, so that views can import them too (a view imports no schema, decision 0018).

export const earlyEndReasons = ['job_offer', 'education', 'illness', 'did_not_work_out', 'other'] as const;
export type EarlyEndReason = (typeof earlyEndReasons)[number];
export const attendanceValues = ['met', 'absent_notice', 'absent_no_notice', 'sick', 'off'] as const;
export type AttendanceValue = (typeof attendanceValues)[number];
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof weekdays)[number];
