// Service records and star awards as the API shows them (HourRecord of the contract); never the raw rows.
import type { RecordJoined } from './hours.repo';
import type { AwardJoined } from './stars.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRecord(r: RecordJoined) {
  return {
    id: r.id,
    volunteerId: r.volunteerId,
    volunteerName: r.volunteerName,
    volunteerNumber: r.volunteerNumber,
    activityId: r.activityId,
    activityTitle: r.activityTitle,
    unitName: r.unitName,
    teamName: r.teamName,
    source: r.source,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt.toISOString(),
    minutes: r.minutes,
    content: r.content,
    status: r.status,
    flags: r.flags,
    version: r.version,
    previousId: r.previousId,
    reason: r.reason,
    requestedByName: r.requestedByName,
    decidedByName: r.decidedByName,
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
    frozen: r.frozen,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentAward(a: AwardJoined) {
  return {
    id: a.id,
    volunteerId: a.volunteerId,
    volunteerName: a.volunteerName,
    volunteerNumber: a.volunteerNumber,
    homeUnitName: a.homeUnitName ?? '',
    level: a.level,
    // One decimal is enough to read "reached at 100.5 h"; minutes stay the unit of record.
    hoursAt: Math.round(a.minutesAt / 6) / 10,
    status: a.status,
    reachedAt: a.reachedAt.toISOString(),
    confirmedAt: iso(a.confirmedAt),
  };
}
