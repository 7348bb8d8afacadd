import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { intakeInput } from './trials.inputs.ts';
import { municipalityParams } from '../../platform/http/schemas.ts';

/** The randomised intake in the JSON API: while a trial recruits, referrals come here (the same service as the page). */
export async function trialsApi(app: App, { services }: RouteDeps): Promise<void> {
  app.post(
    '/api/v1/municipalities/:municipalityId/trial-intake',
    {
      schema: {
        tags: ['evaluation'],
        summary:
          "Refer a young person under the municipality's trial: the referral plus the baseline; returns only this person's assignment (and, for NExTWORK, the young person's record id and invitation link)",
        params: municipalityParams,
        body: intakeInput,
        response: {
          201: z.object({ arm: z.enum(['nextwork', 'control']), youthId: z.uuid().optional(), invitationLink: z.url().optional() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const r = await services.trials.intake(ctxOf(request), request.params.municipalityId, request.body, request.locale);
      return reply.status(201).send({ arm: r.arm, youthId: r.youthId, invitationLink: r.link });
    },
  );
}
