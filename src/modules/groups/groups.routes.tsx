import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import { formFromError, formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { GroupPage, GroupsListView } from './groups.views.tsx';
import { CompanyGuests } from './guests.views.tsx';
import { MyGroupView } from './my-group.views.tsx';
import { WeekView } from './week.views.tsx';
import { toIcs } from '../../platform/calendar/ics.ts';
import { notFound } from '../../platform/errors.ts';
import { upcomingMeetings } from './schedule.ts';
import { CounsellorSpacePage, replyField } from './space.views.tsx';
import type { NetworkGroup } from './groups.repository.ts';
import { pageWithId } from '../../platform/http/schemas.ts';

/** How many weekly sessions a calendar file holds. */
const CALENDAR_WEEKS = 12;

/** The form's "attendance.<youthId>" fields as the service's { attendance: { youthId: status } }. */
function sessionFromForm(values: Record<string, string>) {
  const attendance: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('attendance.')) attendance[k.slice('attendance.'.length)] = v;
  return { heldOn: values.heldOn, place: values.place, theme: values.theme, note: values.note, attendance };
}

/** Network groups for the team: the list with the proposal, and each group's page. */
export async function groupsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { groups } = services;

  app.get('/groups', async (request, reply) => {
    const m = municipalityFor(request, 'group.read');
    const ctx = ctxOf(request);
    const [{ groups: list, sizes }, proposal] = await Promise.all([groups.list(ctx, m), groups.propose(ctx, m)]);
    const page = pageContext(request, reply, settings);
    const canManage = can(request.actor!, 'group.manage', [{ municipalityId: m }]);
    return sendPage(
      reply,
      page,
      page.t('groups.title'),
      <GroupsListView page={page} m={m} groups={list} sizes={sizes} proposal={proposal} canManage={canManage} />,
    );
  });

  app.post('/groups', async (request, reply) => {
    const m = municipalityFor(request, 'group.manage');
    await groups.createProposed(ctxOf(request), m);
    setFlash(reply, settings, { kind: 'success', key: 'groups.created' });
    return reply.redirect(`/groups?m=${m}`, 303);
  });

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    others: { schedule?: FormState; add?: FormState; archive?: FormState; guest?: FormState } = {},
  ) => {
    const ctx = ctxOf(request);
    const id = (request.params as { id: string }).id;
    const data = await groups.get(ctx, id);
    const page = pageContext(request, reply, settings);
    const actor = request.actor!;
    const archived = !!data.group.archivedAt;
    const canManage = !archived && can(actor, 'group.manage', [{ municipalityId: data.group.municipalityId }]);
    const assigned = { municipalityId: data.group.municipalityId, counsellorUserId: data.group.counsellorUserId };
    const moderates = can(actor, 'group.moderate', [assigned]);
    const runsSessions = !archived && can(actor, 'group.session', [assigned]);
    const [counsellors, candidates] = canManage ? await Promise.all([groups.counsellors(ctx, id), groups.candidates(ctx, id)]) : [[], []];
    const guests = runsSessions ? await groups.companyGuests(ctx, id) : null;
    const today = localDate(services.clock.now());
    const shown = form === emptyForm ? { values: { heldOn: today }, errors: {} } : form;
    return sendPage(
      reply,
      page,
      data.group.name,
      <GroupPage
        page={page}
        data={data}
        canManage={canManage}
        moderates={moderates}
        runsSessions={runsSessions}
        counsellors={counsellors}
        candidates={candidates}
        form={shown}
        scheduleForm={others.schedule ?? emptyForm}
        addForm={others.add ?? emptyForm}
        archiveForm={others.archive ?? emptyForm}
        today={today}
        guests={
          guests && (
            <CompanyGuests page={page} groupId={id} visits={guests.visits} companies={guests.companies} form={others.guest ?? emptyForm} />
          )
        }
      />,
      status,
    );
  };
  app.get('/groups/:id', (request, reply) => show(request, reply, emptyForm));

  app.post('/groups/:id/guests', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => groups.inviteCompanyGuest(ctxOf(request), request.params.id, values),
      done: { flash: 'guest.saved', to: `/groups/${request.params.id}#guests-title` },
      again: (form, status) => show(request, reply, emptyForm, status, { guest: form }),
    }),
  );

  app.post('/groups/:id/sessions', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => groups.recordSession(ctxOf(request), request.params.id, sessionFromForm(values)),
      done: { flash: 'groups.session_saved', to: `/groups/${request.params.id}` },
      again: (form, status) => show(request, reply, form, status),
    }),
  );

  app.post('/groups/:id/schedule', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => groups.setSchedule(ctxOf(request), request.params.id, values),
      done: { flash: 'schedule.saved', to: `/groups/${request.params.id}` },
      again: (form, status) => show(request, reply, emptyForm, status, { schedule: form }),
    }),
  );

  app.post('/groups/:id/members', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => groups.addMember(ctxOf(request), request.params.id, values),
      done: { flash: 'groups_rules.added', to: `/groups/${request.params.id}` },
      again: (form, status) => show(request, reply, emptyForm, status, { add: form }),
    }),
  );

  app.post('/groups/:id/archive', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: () => groups.archive(ctxOf(request), request.params.id),
      done: (group) => ({ flash: 'groups_rules.archived', to: `/groups?m=${group.municipalityId}` }),
      again: (form, status) => show(request, reply, emptyForm, status, { archive: form }),
    }),
  );

  const sendCalendar = (reply: FastifyReply, group: NetworkGroup, title: string) =>
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="netvaerksgruppe.ics"`)
      .send(toIcs(title, upcomingMeetings(group, localDate(services.clock.now()), CALENDAR_WEEKS, title), services.clock.now()));

  app.get('/groups/:id/calendar.ics', pageWithId, async (request, reply) => {
    const { group } = await groups.get(ctxOf(request), request.params.id);
    const page = pageContext(request, reply, settings);
    return sendCalendar(reply, group, page.t('schedule.event', { name: group.name }));
  });

  const spacePage = async (request: FastifyRequest, reply: FastifyReply, groupId: string, form: FormState = emptyForm, status = 200) => {
    const { group, posts } = await services.groupSpace.forCounsellor(ctxOf(request), groupId);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('space.title_for', { name: group.name }),
      <CounsellorSpacePage page={page} group={group} posts={posts} form={form} />,
      status,
    );
  };
  app.get('/groups/:id/space', pageWithId, (request, reply) => spacePage(request, reply, request.params.id));
  app.post('/groups/:id/space/:postId/replies', async (request, reply) => {
    const { id, postId } = request.params as { id: string; postId: string };
    return submitForm(request, reply, settings, {
      run: (values) => services.groupSpace.replyAsCounsellor(ctxOf(request), id, postId, values),
      done: { flash: 'space.replied', to: `/groups/${id}/space#post-${postId}` },
      again: (form, status) => spacePage(request, reply, id, form, status),
      rename: { body: replyField(postId) },
      keep: (values) => ({ [replyField(postId)]: values.body ?? '' }),
    });
  });
  app.post('/groups/:id/space/replies/:replyId/hide', async (request, reply) => {
    const { id, replyId } = request.params as { id: string; replyId: string };
    await services.groupSpace.hideReply(ctxOf(request), id, replyId);
    setFlash(reply, settings, { kind: 'success', key: 'space.reply_hidden_done' });
    return reply.redirect(`/groups/${id}/space`, 303);
  });
  app.post('/groups/:id/space/:postId/hide', async (request, reply) => {
    const { id, postId } = request.params as { id: string; postId: string };
    await services.groupSpace.hide(ctxOf(request), id, postId);
    setFlash(reply, settings, { kind: 'success', key: 'space.hidden_done' });
    return reply.redirect(`/groups/${id}/space`, 303);
  });

  app.post('/groups/:id/members/:youthId/move', async (request, reply) => {
    const { id, youthId } = request.params as { id: string; youthId: string };
    const values = formValues(request.body);
    try {
      await groups.move(ctxOf(request), id, youthId, values);
      setFlash(reply, settings, { kind: 'success', key: 'groups.moved' });
      return reply.redirect(`/groups/${id}`, 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return show(request, reply, form, status);
    }
  });

  // The young person's own group and check-in.
  const myPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    postForm: FormState = emptyForm,
    replyForm?: FormState,
  ) => {
    const data = await groups.mine(ctxOf(request));
    const posts = data ? await services.groupSpace.mine(ctxOf(request)) : [];
    const people = await services.youthPeople.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('my_group.title'),
      <MyGroupView page={page} data={data} posts={posts} form={form} postForm={postForm} replyForm={replyForm} people={people} />,
      status,
    );
  };
  app.get('/me/group/calendar.ics', async (request, reply) => {
    const data = await groups.mine(ctxOf(request));
    if (!data) throw notFound();
    const page = pageContext(request, reply, settings);
    return sendCalendar(reply, data.group, page.t('schedule.event', { name: data.group.name }));
  });
  app.post('/me/group/posts', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => services.groupSpace.post(ctxOf(request), values),
      done: { flash: 'space.shared', to: '/me/group#space-heading' },
      again: (form, status) => myPage(request, reply, emptyForm, status, form),
    }),
  );
  app.post('/me/group/posts/:postId/replies', (request, reply) => {
    const { postId } = request.params as { postId: string };
    return submitForm(request, reply, settings, {
      run: (values) => services.groupSpace.reply(ctxOf(request), postId, values),
      done: { flash: 'space.replied', to: `/me/group#post-${postId}` },
      again: (form, status) => myPage(request, reply, emptyForm, status, emptyForm, form),
      rename: { body: replyField(postId) },
      keep: (values) => ({ [replyField(postId)]: values.body ?? '' }),
    });
  });
  app.get('/me/group', (request, reply) => myPage(request, reply, emptyForm));
  app.post('/me/group/sessions/:id/checkin', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => groups.checkIn(ctxOf(request), request.params.id, values),
      done: { flash: 'my_group.thanks', to: '/me/group' },
      again: (form, status) => myPage(request, reply, form, status),
    }),
  );

  app.get('/groups/week', async (request, reply) => {
    const m = municipalityFor(request, 'group.read');
    const data = await services.counsellorWeek.week(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('week.title'), <WeekView page={page} data={data} />);
  });
}
