import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { GroupsService } from './groups.service.ts';
import type { GroupSummary } from './groups.repository.ts';
import type { GroupSizes } from './grouping.ts';
import { AddMemberForm, ArchiveForm, ArchivedNotice } from './group-rules.views.tsx';
import { attendanceStatuses, sessionThemes } from './groups.values.ts';
import { MeetsLine, ScheduleForm } from './schedule.views.tsx';

type Key = Parameters<Translate>[0];
type Proposal = Awaited<ReturnType<GroupsService['propose']>>;
type GroupData = Awaited<ReturnType<GroupsService['get']>>;

export function GroupsListView(props: {
  page: PageContext;
  m: string;
  groups: GroupSummary[];
  sizes: GroupSizes;
  proposal: Proposal;
  canManage: boolean;
}) {
  const { page, m, groups, proposal, canManage, sizes } = props;
  const { t } = page;
  const waiting = proposal.flat().length;
  return (
    <>
      <h1>{t('groups.title')}</h1>
      <p class="font-lead">{t('groups_rules.lead', { min: sizes.min, max: sizes.max })}</p>
      {groups.length ? (
        <DataTable
          label={t('groups.title')}
          headers={[t('groups.name'), t('groups.counsellor'), t('groups.members'), t('groups.last_session')]}
        >
          {groups.map((g) => (
            <tr>
              <td>
                <a href={`/groups/${g.id}`}>{g.name}</a>
              </td>
              <td>{g.counsellorName ?? '–'}</td>
              <td>{g.members}</td>
              <td>{g.lastSession ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('groups.none')}</p>
      )}
      <h2>{t('groups.proposal')}</h2>
      {waiting ? (
        <>
          <p>{t('groups_rules.proposal_lead', { count: waiting, min: sizes.min, max: sizes.max })}</p>
          {proposal.map((members, i) => (
            <section aria-labelledby={`proposal-${i}`} class="app-card">
              <h3 class="h4" id={`proposal-${i}`}>
                {t('groups.proposal_group', { n: i + 1, count: members.length })}
              </h3>
              <ul>
                {members.map((y) => (
                  <li>
                    {y.firstName} {y.lastName}
                    {y.status === 'in_internship' ? ` (${t('groups.in_internship')})` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {canManage && (
            <form method="post" action={`/groups?m=${m}`}>
              <CsrfField token={page.csrfToken} />
              <button class="button button-primary" type="submit">
                {t('groups.create')}
              </button>
            </form>
          )}
        </>
      ) : (
        <p>{t('groups.all_assigned')}</p>
      )}
    </>
  );
}

export function GroupPage(props: {
  page: PageContext;
  data: GroupData;
  canManage: boolean;
  moderates: boolean;
  runsSessions: boolean;
  counsellors: { userId: string; name: string }[];
  candidates: { id: string; firstName: string; lastName: string }[];
  form: FormState;
  scheduleForm: FormState;
  addForm: FormState;
  archiveForm: FormState;
  today: string;
  /** The company visits section (seed 001), for whoever runs the group's sessions. */
  guests?: ComponentChildren;
}) {
  const { page, data, canManage, form } = props;
  const { t } = page;
  const { group, members, sessions, otherGroups } = data;
  const labels: Record<string, string> = { heldOn: t('groups.held_on'), place: t('groups.place'), theme: t('groups.theme') };
  for (const m of members) labels[`attendance.${m.youthId}`] = `${m.firstName} ${m.lastName}`;
  const values = form.values;
  return (
    <>
      <h1>{group.name}</h1>
      {group.archivedAt && <ArchivedNotice t={t} />}
      <MeetsLine t={t} group={group} calendarHref={`/groups/${group.id}/calendar.ics`} />
      {props.moderates && (
        <p>
          <a href={`/groups/${group.id}/space`}>{t('space.title_for', { name: group.name })}</a>
        </p>
      )}
      <h2>{t('groups.members')}</h2>
      <DataTable
        label={t('groups.members')}
        headers={[t('groups.members'), ...(canManage && otherGroups.length ? [t('groups.move')] : [])]}
        compact
      >
        {members.map((m) => (
          <tr>
            <td>
              <a href={`/youth/${m.youthId}`}>
                {m.firstName} {m.lastName}
              </a>
            </td>
            {canManage && otherGroups.length > 0 && (
              <td>
                <form method="post" action={`/groups/${group.id}/members/${m.youthId}/move`} class="app-actions">
                  <CsrfField token={page.csrfToken} />
                  <label class="app-sr-only" for={`to-${m.youthId}`}>
                    {t('groups.move_to', { name: m.firstName })}
                  </label>
                  <select class="form-select" id={`to-${m.youthId}`} name="toGroupId">
                    {otherGroups.map((g) => (
                      <option value={g.id}>{`${g.name} (${g.members})`}</option>
                    ))}
                  </select>
                  <button
                    class="button button-secondary button-small"
                    type="submit"
                    aria-label={`${t('groups.move')}: ${m.firstName} ${m.lastName}`}
                  >
                    {t('groups.move')}
                  </button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      {canManage && (
        <AddMemberForm
          page={page}
          groupId={group.id}
          candidates={props.candidates}
          full={members.length >= data.sizes.max}
          max={data.sizes.max}
          form={props.addForm}
        />
      )}
      <h2>{t('groups.sessions')}</h2>
      {sessions.length ? (
        <ul>
          {sessions.map(({ s, present, total }) => (
            <li>
              {t('groups.session_line', { date: s.heldOn, place: s.place, theme: t(`groups.theme.${s.theme}` as Key), present, total })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('groups.no_sessions')}</p>
      )}
      {props.runsSessions && members.length > 0 && (
        <form method="post" action={`/groups/${group.id}/sessions`} novalidate>
          <h2>{t('groups.new_session')}</h2>
          <div class="app-narrow-form">
            <ErrorSummary t={t} form={form} labels={labels} />
            <CsrfField token={page.csrfToken} />
            <TextField t={t} form={form} name="heldOn" label={labels.heldOn!} type="date" required />
            <TextField t={t} form={form} name="place" label={labels.place!} required />
            <SelectField
              t={t}
              form={form}
              name="theme"
              label={labels.theme!}
              options={sessionThemes.map((v) => ({ value: v, label: t(`groups.theme.${v}` as Key) }))}
              required
            />
            <TextField t={t} form={form} name="note" label={t('groups.note')} />
          </div>
          {members.map((m) => {
            const field = `attendance.${m.youthId}`;
            const error = form.errors[field];
            return (
              <fieldset
                id={field}
                class={`form-group${error ? ' form-error' : ''}`}
                aria-describedby={error ? `${field}-error` : undefined}
              >
                <legend class="form-label">{t('groups.attendance_for', { name: `${m.firstName} ${m.lastName}` })}</legend>
                {error && (
                  <span class="form-error-message" id={`${field}-error`}>
                    {t(error as Key)}
                  </span>
                )}
                <ul class="nobullet-list app-choice-list app-inline-choices">
                  {attendanceStatuses.map((a) => (
                    <li class="form-group-radio">
                      <input class="form-radio" type="radio" id={`${field}-${a}`} name={field} value={a} checked={values[field] === a} />
                      <label for={`${field}-${a}`}>{t(`groups.attendance.${a}` as Key)}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
          <button class="button button-primary" type="submit">
            {t('groups.save_session')}
          </button>
        </form>
      )}
      {props.guests}
      {canManage && <ScheduleForm page={page} group={group} counsellors={props.counsellors} form={props.scheduleForm} />}
      {canManage && <ArchiveForm page={page} groupId={group.id} members={members.length} form={props.archiveForm} />}
    </>
  );
}
