// Sends a certificate as its PDF. The data is loaded before this runs, so the rendering holds no transaction.
import type { FastifyReply } from 'fastify';
import { attachmentHeader } from '../network/civic-code.service';
import { certificatePdf } from './certificate-pdf';
import { verifyUrl } from './certificate-codes';
import type { CertificateCtx, PrintableCertificate } from './certificates.service';

export async function sendCertificatePdf(reply: FastifyReply, ctx: Pick<CertificateCtx, 'publicBaseUrl'>, c: PrintableCertificate) {
  const body = await certificatePdf({
    number: c.number,
    status: c.status === 'revoked' ? 'revoked' : 'issued',
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    issuedAt: c.issuedAt,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
    snapshot: c.snapshot,
    verifyUrl: verifyUrl(ctx.publicBaseUrl, c.number, c.signature),
  });
  return reply
    .type('application/pdf')
    .header('content-disposition', attachmentHeader(`志愿服务记录证明-${c.number}.pdf`, `certificate-${c.number}.pdf`))
    .header('cache-control', 'no-store')
    .send(body);
}
