import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams, noContent } from '../../platform/http/schemas.ts';
import { passportInput, shareInput } from './passport.inputs.ts';
import type { Consent, Passport, Recipient } from './passport.repository.ts';
import { recipientKinds } from './passport.values.ts';

const strength = z.object({ what: z.string(), where: z.string(), when: z.string() }).meta({ id: 'PassportStrength' });
const passport = z
  .object({
    id: z.uuid(),
    youthId: z.uuid(),
    strengths: z.array(strength).meta({ description: 'Strengths and competences shown in practice, each with where and when' }),
    support: z.string().meta({ description: 'The support that helps' }),
    accommodations: z.string().meta({ description: 'Accommodations needed' }),
    notWorking: z.string().meta({ description: 'What does not work' }),
    ownWords: z.string().meta({ description: "In the young person's own words" }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Passport' });
const recipient = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    kind: z.enum(recipientKinds),
    role: z.string(),
    companyName: z.string().nullable(),
  })
  .meta({ id: 'PassportRecipient' });
const consent = recipient.extend({ grantedAt: z.iso.datetime() }).meta({ id: 'PassportConsent' });

const toPassport = (p: Passport): z.infer<typeof passport> => ({
  id: p.id,
  youthId: p.youthId,
  strengths: p.strengths,
  support: p.support,
  accommodations: p.accommodations,
  notWorking: p.notWorking,
  ownWords: p.ownWords,
  updatedAt: p.updatedAt.toISOString(),
});
const toRecipient = (r: Recipient): z.infer<typeof recipient> => ({
  userId: r.userId,
  name: r.name,
  kind: r.kind,
  role: r.role,
  companyName: r.companyName,
});
const toConsent = (c: Consent): z.infer<typeof consent> => ({ ...toRecipient(c), grantedAt: c.grantedAt.toISOString() });

/** The competence passport (#17), as on the pages: the young person's own, and a named reader's. */
export async function passportApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['passports'];
  const { passports } = services;

  app.get(
    '/api/v1/me/passport',
    {
      schema: {
        tags,
        summary: "The young person's competence passport (null until first saved), who may read it, and who they could name",
        response: {
          200: z.object({ passport: passport.nullable(), consents: z.array(consent), candidates: z.array(recipient) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const mine = await passports.mine(ctxOf(request));
      return {
        passport: mine.passport ? toPassport(mine.passport) : null,
        consents: mine.consents.map(toConsent),
        candidates: mine.candidates.map(toRecipient),
      };
    },
  );

  app.put(
    '/api/v1/me/passport',
    {
      schema: {
        tags,
        summary: 'Write the competence passport (the first save creates it); empty strength rows are dropped',
        body: passportInput,
        response: { 200: passport, ...errors },
      },
    },
    async (request) => toPassport(await passports.saveMine(ctxOf(request), request.body)),
  );

  app.post(
    '/api/v1/me/passport/consents',
    {
      schema: {
        tags,
        summary: 'Let one named person (one of the candidates) read the passport',
        body: shareInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await passports.share(ctxOf(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/me/passport/consents/:id',
    {
      schema: {
        tags,
        summary: "Withdraw a person's consent (the id is the person's user id): from now on they get 404",
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await passports.withdraw(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/passports',
    {
      schema: {
        tags,
        summary: 'The competence passports shared with the signed-in person (consent in force)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                passportId: z.uuid(),
                youthId: z.uuid(),
                firstName: z.string(),
                lastName: z.string(),
                grantedAt: z.iso.datetime(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await passports.sharedWithMe(ctxOf(request))).map((s) => ({
        passportId: s.passportId,
        youthId: s.youthId,
        firstName: s.firstName,
        lastName: s.lastName,
        grantedAt: s.grantedAt.toISOString(),
      })),
    }),
  );

  app.get(
    '/api/v1/passports/:id',
    {
      schema: {
        tags,
        summary: 'Read a competence passport shared with you (audited); 404 without consent in force, as for one that does not exist',
        params: idParams,
        response: { 200: passport.extend({ firstName: z.string(), lastName: z.string(), canEdit: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      const r = await passports.read(ctxOf(request), request.params.id);
      return { ...toPassport(r.passport), firstName: r.youth.firstName, lastName: r.youth.lastName, canEdit: r.canEdit };
    },
  );

  app.put(
    '/api/v1/passports/:id',
    {
      schema: {
        tags,
        summary: 'Write in a competence passport with the young person (a named team member or education contact)',
        params: idParams,
        body: passportInput,
        response: { 200: passport, ...errors },
      },
    },
    async (request) => toPassport(await passports.update(ctxOf(request), request.params.id, request.body)),
  );
}
