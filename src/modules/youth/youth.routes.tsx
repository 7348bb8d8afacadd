import { DirectInviteForm } from '../matching/answers.views.tsx';
import type { CompanyViewOfYouth } from './company-view.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { formFromError, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import type { Youth } from './youth.repository.ts';
import { fieldGroups } from './youth.values.ts';
import { ReferralForm } from './referral.views.tsx';
import { CaseworkerSection } from './caseworker.views.tsx';
import { MyProfileForm, PreviewView, YouthDirectoryView, YouthListView, YouthTeamView } from './youth.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';
import { uploadedCsv } from '../../platform/http/upload.ts';
import { FollowupsImportView } from './followups-import.views.tsx';
import { TeamExportSection } from '../data-rights/data-rights.views.tsx';

const profileValues = (y: Youth): Record<string, string> => ({
  wishToTry: y.wishToTry,
  goodAt: y.goodAt,
  mattersAtWork: y.mattersAtWork,
  practicalHours: y.practicalHours,
  practicalTransport: y.practicalTransport,
  canStartOn: y.canStartOn ?? '',
  ...Object.fromEntries(fieldGroups.map((g) => [`share_${g}`, y.visibility[g] ? 'on' : ''])),
});

export async function youthRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { youth } = services;

  app.get('/youth', async (request, reply) => {
    const m = municipalityFor(request, 'youth.read');
    const { youth: rows, capacity } = await youth.list(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    const canRefer = can(request.actor!, 'youth.refer', [{ municipalityId: m }]);
    return sendPage(
      reply,
      page,
      page.t('youth.list_title'),
      <YouthListView page={page} m={m} rows={rows} capacity={capacity} canRefer={canRefer} />,
    );
  });

  const referralPage = (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('youth.refer'), <ReferralForm page={page} m={m} form={form} />, status);
  };

  app.get('/youth/new', async (request, reply) => {
    const m = municipalityFor(request, 'youth.refer');
    // While the municipality runs its intake as a trial, every referral goes through the lottery.
    if (await services.trials.recruiting(ctxOf(request), m)) return reply.redirect(`/trials/intake?m=${m}`, 303);
    return referralPage(request, reply, m, {
      values: { referredOn: services.clock.now().toISOString().slice(0, 10) },
      errors: {},
    });
  });

  app.post('/youth', (request, reply) => {
    const m = municipalityFor(request, 'youth.refer');
    return submitForm(request, reply, settings, {
      run: (values) => youth.refer(ctxOf(request), m, values, request.locale),
      done: (result) => ({
        flashKind: result.capacity.full ? 'info' : 'success',
        flash: result.capacity.full ? 'youth.referred_full' : 'youth.referred',
        flashParams: { email: result.youth.email, link: result.link, used: result.capacity.used, capacity: result.capacity.capacity },
        to: `/youth/${result.youth.id}`,
      }),
      again: (form, status) => referralPage(request, reply, m, form, status),
      keep: (values) => ({ ...values, cpr: '' }), // the CPR number is never sent back
    });
  });

  /** The young person's page; `forms` carries a failed form of one of its sections back with its errors. */
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    forms: { targetGroup?: FormState; caseworker?: FormState; followup?: FormState } = {},
  ) => {
    const targetGroupForm = forms.targetGroup ?? emptyForm;
    const caseworkerForm = forms.caseworker ?? emptyForm;
    const y = await youth.get(ctxOf(request), (request.params as { id: string }).id);
    const page = pageContext(request, reply, settings);
    const canUpdate = can(request.actor!, 'youth.update_status', [{ municipalityId: y.municipalityId }]);
    const canMessage = can(request.actor!, 'message.write', [{ municipalityId: y.municipalityId }]);
    const target = [{ municipalityId: y.municipalityId }];
    const choices = can(request.actor!, 'youth.link_caseworker', target)
      ? await services.caseworkerLink.choices(ctxOf(request), y.id)
      : null;
    const canInvite = can(request.actor!, 'person.invite', [{ municipalityId: y.municipalityId, role: 'caseworker' }]);
    const caseworker = choices && (
      <CaseworkerSection
        page={page}
        youthId={y.id}
        referringCaseworker={y.referringCaseworker}
        linked={choices.linked}
        caseworkers={choices.caseworkers}
        form={caseworkerForm}
        inviteHref={canInvite ? `/invitations/new?role=caseworker&municipalityId=${y.municipalityId}` : null}
      />
    );
    return sendPage(
      reply,
      page,
      `${y.firstName} ${y.lastName}`,
      <YouthTeamView
        page={page}
        y={y}
        form={form}
        targetGroupForm={targetGroupForm}
        canUpdate={canUpdate}
        canMessage={canMessage}
        caseworker={caseworker}
        followupForm={forms.followup ?? emptyForm}
        after={
          can(request.actor!, 'data.export', target) && (
            <TeamExportSection page={page} youthId={y.id} canErase={can(request.actor!, 'data.erase', target)} />
          )
        }
      />,
      status,
    );
  };

  app.get('/youth/:id', (request, reply) => show(request, reply, emptyForm));

  app.post('/youth/:id/caseworker', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => services.caseworkerLink.link(ctxOf(request), request.params.id, values),
      done: { flash: 'caseworker.saved', to: `/youth/${request.params.id}#caseworker-title` },
      again: (form, status) => show(request, reply, emptyForm, status, { caseworker: form }),
    }),
  );

  app.post('/youth/:id/status', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => youth.setStatus(ctxOf(request), request.params.id, values),
      done: { flash: 'company.status_changed', to: `/youth/${request.params.id}` },
      again: (form, status) => show(request, reply, form, status),
    }),
  );

  app.post('/youth/:id/followup', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => youth.recordFollowup(ctxOf(request), request.params.id, values),
      done: { flash: 'exit.followup_saved', to: `/youth/${request.params.id}#exit-title` },
      again: (form, status) => show(request, reply, emptyForm, status, { followup: form }),
    }),
  );

  const importPage = (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('followups_import.title'), <FollowupsImportView page={page} m={m} form={form} />, status);
  };

  app.get('/youth/followups/import', (request, reply) =>
    importPage(request, reply, municipalityFor(request, 'youth.update_status'), emptyForm),
  );

  app.post('/youth/followups/import', async (request, reply) => {
    const m = municipalityFor(request, 'youth.update_status');
    try {
      const { imported } = await youth.importFollowups(ctxOf(request), m, await uploadedCsv(request));
      setFlash(reply, settings, { kind: 'success', key: 'followups_import.done', params: { count: imported } });
      return reply.redirect(`/youth?m=${m}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, {});
      return importPage(request, reply, m, form, status);
    }
  });

  app.post('/youth/:id/target-group', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => youth.setTargetGroup(ctxOf(request), request.params.id, values),
      done: { flash: 'target_group.saved', to: `/youth/${request.params.id}` },
      again: (form, status) => show(request, reply, emptyForm, status, { targetGroup: form }),
    }),
  );

  const profilePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState | null,
    status = 200,
    photoForm: FormState = emptyForm,
  ) => {
    const y = await youth.myProfile(ctxOf(request));
    const page = pageContext(request, reply, settings);
    const photoUrl = y.photoUpdatedAt ? `/youth/${y.id}/photo?v=${y.photoUpdatedAt.getTime()}` : null;
    return sendPage(
      reply,
      page,
      page.t('youth.my_profile'),
      <MyProfileForm
        page={page}
        form={form ?? { values: profileValues(y), errors: {} }}
        photoForm={photoForm}
        photoUrl={photoUrl}
        name={y.firstName}
      />,
      status,
    );
  };

  app.get('/me/profile', (request, reply) => profilePage(request, reply, null));

  app.post('/me/profile', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => youth.updateMyProfile(ctxOf(request), values),
      done: { flash: 'youth.profile_saved', to: '/me/profile' },
      again: (form, status) => profilePage(request, reply, form, status),
    }),
  );

  app.post('/me/profile/photo', async (request, reply) => {
    const file = (request.body as Record<string, unknown> | undefined)?.photo as
      { _buf?: Buffer; toBuffer?: () => Promise<Buffer> } | undefined;
    try {
      const bytes = file?._buf ?? (file?.toBuffer ? await file.toBuffer() : undefined);
      await youth.setMyPhoto(ctxOf(request), bytes && bytes.length ? bytes : undefined);
      setFlash(reply, settings, { kind: 'success', key: 'youth.photo_saved' });
      return reply.redirect('/me/profile', 303);
    } catch (err) {
      const { form, status } = formFromError(err, {});
      return profilePage(request, reply, null, status, form);
    }
  });

  app.post('/me/profile/photo/delete', async (request, reply) => {
    await youth.deleteMyPhoto(ctxOf(request));
    setFlash(reply, settings, { kind: 'success', key: 'youth.photo_deleted' });
    return reply.redirect('/me/profile', 303);
  });

  app.get('/youth/:id/photo', pageWithId, async (request, reply) => {
    const photo = await youth.photo(ctxOf(request), request.params.id);
    return reply.type(photo.contentType).header('cache-control', 'private, max-age=300').send(photo.bytes);
  });

  app.get('/me/profile/preview', async (request, reply) => {
    const view = await youth.previewAsCompany(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('youth.preview_title'), <PreviewView page={page} view={view} />);
  });

  app.get('/youth-directory', async (request, reply) => {
    const m = municipalityFor(request, 'youth.read_shared');
    const rows = await youth.directory(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    // A company contact can log that they invited a young person directly (the young person decides).
    const companyId = request.actor!.companyIds?.find((c) => can(request.actor!, 'match.answer', [{ municipalityId: m, companyId: c }]));
    const openings = companyId ? (await services.companies.get(ctxOf(request), companyId)).openings.filter((o) => o.published) : [];
    const action = companyId
      ? (v: CompanyViewOfYouth) => (
          <>
            <p>
              <a class="button button-primary" href={`/companies/${companyId}/offers/new?youth=${v.id}&source=directory`}>
                {page.t('offer.make')}
                <span class="app-sr-only">: {v.firstName}</span>
              </a>
            </p>
            <DirectInviteForm page={page} companyId={companyId} youthId={v.id} firstName={v.firstName} openings={openings} />
          </>
        )
      : undefined;
    return sendPage(reply, page, page.t('youth.directory_title'), <YouthDirectoryView page={page} rows={rows} action={action} />);
  });
}
