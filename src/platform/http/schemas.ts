import { z } from 'zod';
import { errors } from './api-errors.ts';

/** Path parameters shared by pages and the API. Ids are UUIDs (a malformed one is a 404 before this; input-guards.ts). */
export const idParams = z.object({ id: z.uuid() });
export const municipalityParams = z.object({ municipalityId: z.uuid({ error: 'validation.municipality' }) });
export const openingParams = z.object({ openingId: z.uuid() });

/** An API answer without a body. */
export const noContent = { 204: z.null(), ...errors };

/** Page routes on a record: the id parsed and typed like the API's, and left out of the OpenAPI document. */
export const pageWithId = { schema: { hide: true, params: idParams } };
