import { z } from 'zod';

/** The team's choice of caseworker: a user id, or empty to unlink. */
export const caseworkerInput = z.object({
  caseworkerUserId: z
    .union([z.uuid({ error: 'validation.caseworker_user' }), z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null),
});
