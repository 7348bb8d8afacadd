import { z } from 'zod';
import { danishPhone } from './contact-profile.values.ts';

/** Form checkboxes arrive as "on" or not at all; the API would send a boolean. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** The contact details a person chooses to show the young people they work with. */
export const contactProfileInput = z.object({
  phone: z
    .string({ error: 'validation.contact_phone' })
    .trim()
    .default('')
    .refine((v) => v === '' || danishPhone(v) !== undefined, { error: 'validation.contact_phone' })
    .transform((v) => (v === '' ? '' : danishPhone(v)!)),
  showPhone: checkbox,
  showEmail: checkbox,
});
