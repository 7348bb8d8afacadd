import { z } from 'zod';
import { errors } from '../../platform/http/api-errors.ts';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { municipalityParams } from '../../platform/http/schemas.ts';
import { ctxOf } from '../../platform/http/request.ts';
import type { ModelRules } from './model-rules.ts';
import { modelRulesInput } from './municipalities.inputs.ts';

const rules = z
  .object({
    municipalityId: z.uuid(),
    youthCapacity: z.number().int(),
    companyTarget: z.number().int(),
    internshipMinMonths: z.number().int(),
    internshipMaxMonths: z.number().int(),
    startWithinDays: z.number().int(),
    groupSizeMin: z.number().int(),
    groupSizeMax: z.number().int(),
    wishLimit: z.number().int(),
    offerAnswerDays: z.number().int(),
    youthRetentionMonths: z
      .number()
      .int()
      .meta({ description: 'Months after a young person left before their personal data is erased (6-120).' }),
  })
  .meta({ id: 'ModelRules' });

const toRules = (municipalityId: string, r: ModelRules) => ({ municipalityId, ...r });

/** JSON API for the model's rules, with the same service and permissions as the page. */
export async function municipalitiesApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['municipalities'];
  app.get(
    '/api/v1/municipalities/:municipalityId/rules',
    {
      schema: {
        tags,
        summary: "The model's rules as the municipality has set them",
        params: municipalityParams,
        response: { 200: rules, ...errors },
      },
    },
    async (request) => {
      const { municipalityId } = request.params;
      return toRules(municipalityId, (await services.municipalities.rules(ctxOf(request), municipalityId)).rules);
    },
  );

  app.put(
    '/api/v1/municipalities/:municipalityId/rules',
    {
      schema: {
        tags,
        summary: "Set the model's rules (team leader, municipality administrator or system administrator; audited)",
        params: municipalityParams,
        body: modelRulesInput,
        response: { 200: rules, ...errors },
      },
    },
    async (request) => {
      const { municipalityId } = request.params;
      return toRules(municipalityId, await services.municipalities.updateRules(ctxOf(request), municipalityId, request.body));
    },
  );
}
