import { z } from 'zod';

/** The one JSON error shape of the API, for the OpenAPI document. */
export const errorShape = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const errors = {
  400: errorShape,
  401: errorShape,
  404: errorShape,
  409: errorShape,
  415: errorShape,
  422: errorShape,
  429: errorShape,
  503: errorShape,
};
