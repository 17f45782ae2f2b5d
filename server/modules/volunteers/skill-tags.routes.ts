// The skill / specialty tag list: any staff member reads it; the district center's staff manage it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { idParams, skillTagCreateBody, skillTagPatchBody, skillTagSchema } from './volunteers.schemas';
import { createSkillTag, listSkillTags, updateSkillTag } from './skill-tags.service';

const tags = ['volunteers'];

export const skillTagRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
  const present = (r: z.infer<typeof skillTagSchema>) => ({ id: r.id, name: r.name, category: r.category, sort: r.sort, active: r.active });

  app.get('/api/skill-tags', { schema: { tags, summary: 'All skill tags, retired ones included', response: { 200: z.object({ items: z.array(skillTagSchema) }) } } }, async (req) => {
    requirePrincipal(req);
    return { items: (await listSkillTags(deps.db)).map(present) };
  });

  app.post(
    '/api/skill-tags',
    { schema: { tags, summary: 'Add a skill tag (volunteer.manage on the district center)', body: skillTagCreateBody, response: { 201: skillTagSchema } } },
    async (req, reply) => reply.status(201).send(present(await createSkillTag(deps.db, { ...who(req), ...req.body }))),
  );

  app.patch(
    '/api/skill-tags/:id',
    { schema: { tags, summary: 'Rename, re-sort or retire (active: false) a skill tag', params: idParams, body: skillTagPatchBody, response: { 200: skillTagSchema } } },
    async (req) => present(await updateSkillTag(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );
};
