import type { Translate } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { formatPhone, phoneHref } from '../accounts/contact-profile.values.ts';
import type { MyPerson, PersonRole } from './my-people.service.ts';

/** A phone number and an email as links a phone can dial or write to; only what is given. */
export function ContactLinks({ t, phone, email }: { t: Translate; phone: string | null; email: string | null }) {
  if (!phone && !email) return <p class="form-hint">{t('people_mine.no_contact')}</p>;
  return (
    <ul class="nobullet-list">
      {phone && (
        <li>
          {t('people_mine.phone')}: <a href={phoneHref(phone)}>{formatPhone(phone)}</a>
        </li>
      )}
      {email && (
        <li>
          {t('people_mine.email')}:{' '}
          <a class="app-break" href={`mailto:${email}`}>
            {email}
          </a>
        </li>
      )}
    </ul>
  );
}

export function roleText(t: Translate, role: PersonRole, companyName: string | null): string {
  if (role === 'supervisor') return t('people_mine.role.supervisor', { company: companyName ?? '' });
  return t(role === 'counsellor' ? 'people_mine.role.counsellor' : 'people_mine.role.consultant');
}

/**
 * "Mine folk": the young person's counsellor, consultant and supervisor, with how to reach each as
 * they chose. For the young person's own pages (their home, internship and group pages).
 */
export function MyPeople({ page, people, headingLevel = 2 }: { page: PageContext; people: MyPerson[]; headingLevel?: 2 | 3 }) {
  const { t } = page;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Name = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="my-people-heading" class="app-my-people">
      <Heading id="my-people-heading">{t('people_mine.title')}</Heading>
      {people.length ? (
        <ul class="app-cards">
          {people.map((p) => (
            <li class="app-card">
              <Name class="h4">{p.name}</Name>
              <p>{p.roles.map((r) => roleText(t, r, p.companyName)).join(' · ')}</p>
              <ContactLinks t={t} phone={p.phone} email={p.email} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('people_mine.none')}</p>
      )}
    </section>
  );
}
