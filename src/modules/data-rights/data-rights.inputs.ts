import { z } from 'zod';

/** The confirm step of an erasure: the box that says the team has read what is kept and why. */
export const eraseInput = z.object({
  confirm: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.literal(true, { error: 'validation.erase_confirm' })),
});
