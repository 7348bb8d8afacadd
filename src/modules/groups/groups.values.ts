// The values of group sessions and posts.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const sessionThemes = ['work_experiences', 'setbacks', 'next_steps', 'other'] as const;
export type SessionTheme = (typeof sessionThemes)[number];
export const attendanceStatuses = ['present', 'absent_notice', 'absent'] as const;
export type GroupAttendance = (typeof attendanceStatuses)[number];
export const postKinds = ['win', 'question'] as const;
export type PostKind = (typeof postKinds)[number];
