import { z } from 'zod';
import { roles } from '../../platform/access/roles.ts';
import { fields } from '../../platform/validation.ts';

export const signInInput = z.object({
  email: fields.email,
  password: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(200, { error: 'signin.failed' }),
});

export const signInLinkInput = z.object({ email: fields.email });

export const inviteInput = z.object({
  name: fields.name,
  email: fields.email,
  role: z.enum(roles, { error: 'validation.role' }),
  municipalityId: z
    .union([z.literal('').transform(() => null), z.null(), fields.uuid], { error: 'validation.municipality' })
    .optional()
    .transform((v) => v ?? null),
});

export const acceptInvitationInput = z
  .object({
    password: fields.newPassword,
    passwordRepeat: z.string({ error: 'validation.password_mismatch' }),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ['passwordRepeat'], error: 'validation.password_mismatch' });

export type InviteInput = z.input<typeof inviteInput>;
