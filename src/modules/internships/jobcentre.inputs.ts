import { z } from 'zod';

/**
 * The jobcentre caseworker's approval: the VITAS case reference, as the jobcentre writes it
 * (letters, digits and the separators - / . ; 3–40 characters).
 */
export const jobcentreApprovalInput = z.object({
  reference: z
    .string({ error: 'validation.vitas_reference' })
    .trim()
    .min(3, { error: 'validation.vitas_reference' })
    .max(40, { error: 'validation.vitas_reference' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, { error: 'validation.vitas_reference_format' }),
});
