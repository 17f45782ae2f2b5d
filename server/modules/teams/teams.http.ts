// Small request helpers shared by the teams route files: who acts, and how a team is shown to them.
import type { FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { wantsEnglish } from '../network/sites.routes';
import { presentTeam } from './teams.presenter';
import type { TeamWithCounts } from './teams.repo';

export function langOf(req: FastifyRequest): 'zh' | 'en' {
  return wantsEnglish(req.headers['accept-language']) ? 'en' : 'zh';
}

/** The who/when every service call needs, from the request. */
export function actorContext(req: FastifyRequest, deps: ModuleDeps) {
  return { principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() };
}

/** A team as the signed-in person sees it (labels in their language, what they may do). */
export function teamPresenter(req: FastifyRequest, deps: ModuleDeps) {
  const lang = langOf(req);
  return (t: TeamWithCounts) => presentTeam(t, { publicBaseUrl: deps.config.publicBaseUrl, principal: req.principal, lang });
}
