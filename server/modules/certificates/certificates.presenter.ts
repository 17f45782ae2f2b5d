// Certificate rows → API shapes. Staff and the volunteer see the same Certificate; the public verification page
// sees only a masked name and ID, the totals and the dated list of what was done.
import type { CertificateSnapshot } from '../../db/schema/certificates';
import type { CertificateJoined } from './certificates.repo';
import { maskName, verifyUrl } from './certificate-codes';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCertificate(c: CertificateJoined, publicBaseUrl: string) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    volunteerId: c.volunteerId,
    // What the certificate says once issued; the registry's current name before that.
    volunteerName: c.snapshot?.name ?? c.volunteerName,
    volunteerNumber: c.snapshot?.volunteerNumber ?? c.volunteerNumber,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    purpose: c.purpose,
    issuingUnitName: c.issuingUnitName,
    requestedAt: c.requestedAt.toISOString(),
    requestedByName: c.requestedByName,
    decidedAt: iso(c.decidedAt),
    rejectReason: c.rejectReason,
    issuedAt: iso(c.issuedAt),
    revokedAt: iso(c.revokedAt),
    revokeReason: c.revokeReason,
    totalMinutes: c.snapshot?.totalMinutes ?? null,
    verifyUrl: c.number && c.signature ? verifyUrl(publicBaseUrl, c.number, c.signature) : null,
  };
}

export type PresentedCertificate = ReturnType<typeof presentCertificate>;

export function presentVerification(c: CertificateJoined & { snapshot: CertificateSnapshot; issuedAt: Date; number: string }) {
  const s = c.snapshot;
  return {
    valid: true,
    status: c.status as 'issued' | 'revoked',
    number: c.number,
    nameMasked: maskName(s.name),
    idMasked: s.idMasked,
    volunteerNumber: s.volunteerNumber,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    totalMinutes: s.totalMinutes,
    issuer: s.issuer,
    issuedAt: c.issuedAt.toISOString(),
    revokedAt: iso(c.revokedAt),
    items: s.items.map((i) => ({ date: i.date, title: i.title, minutes: i.minutes })),
  };
}
