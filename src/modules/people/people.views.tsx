import type { Role } from '../../platform/access/roles.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { DataTable, Pagination } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { PersonRow } from './people.repository.ts';
import type { PeoplePage } from './people.service.ts';

export function PeopleListView(props: {
  page: PageContext;
  municipalityId: string;
  municipalityName: string;
  data: PeoplePage;
  roles: Role[];
  role: string;
}) {
  const { page, data } = props;
  const { t } = page;
  const href = (p: number) => `/people?m=${props.municipalityId}${props.role ? `&role=${props.role}` : ''}&page=${p}`;
  return (
    <>
      <h1>{t('people.title')}</h1>
      <p>{t('people.intro', { municipality: props.municipalityName })}</p>
      <form method="get" action="/people" class="app-filter">
        <input type="hidden" name="m" value={props.municipalityId} />
        <div class="form-group">
          <label class="form-label" for="role">
            {t('people.filter_role')}
          </label>
          <select class="form-select" id="role" name="role">
            <option value="">{t('people.filter_all')}</option>
            {props.roles.map((r) => (
              <option value={r} selected={r === props.role}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t('people.filter_submit')}
        </button>
      </form>
      <p role="status">{t('people.count', { count: data.total })}</p>
      {data.people.length === 0 ? (
        <p>{t('people.none')}</p>
      ) : (
        <DataTable label={t('people.title')} headers={[t('people.name'), t('people.email'), t('people.roles')]}>
          {data.people.map((p) => (
            <tr>
              <td>
                <a href={`/people/${p.id}?m=${props.municipalityId}`}>{p.name}</a>
              </td>
              <td>{p.email}</td>
              <td>{p.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination t={t} page={data.page} pages={data.pages} href={href} />
    </>
  );
}

export function PersonView({ page, person }: { page: PageContext; person: PersonRow }) {
  const { t } = page;
  return (
    <>
      <h1>{person.name}</h1>
      <dl class="app-facts">
        <dt>{t('people.email')}</dt>
        <dd>{person.email}</dd>
        <dt>{t('people.roles')}</dt>
        <dd>{person.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
        <dt>{t('person.created')}</dt>
        <dd>{formatDateTime(page.locale, person.createdAt)}</dd>
      </dl>
    </>
  );
}
