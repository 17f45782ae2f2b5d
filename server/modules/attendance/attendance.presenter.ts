// Attendance rows → API shapes. The staff account that checked someone in by hand stays in the audit log and
// the row; the shape says only how (qr / manual / auto).
import type { ServiceRecordRow } from '../hours/hours-record';
import type { AttendanceRow } from './attendance.repo';

export function presentAttendance(a: AttendanceRow) {
  return {
    id: a.id,
    activityId: a.activityId,
    volunteerId: a.volunteerId,
    checkedInAt: a.checkedInAt.toISOString(),
    checkedOutAt: a.checkedOutAt?.toISOString() ?? null,
    inMethod: a.inMethod,
    outMethod: a.outMethod ?? null,
    autoClosed: a.autoClosed,
  };
}

export type AttendanceView = ReturnType<typeof presentAttendance>;

export function presentRecordBrief(r: ServiceRecordRow | null) {
  return r ? { id: r.id, minutes: r.minutes, status: r.status, flags: [...r.flags] } : null;
}
