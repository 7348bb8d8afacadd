import type { PageContext } from '../../platform/views/page.ts';
import type { SharedPassport } from '../passport/passport.repository.ts';
import { SharedPassportsList } from '../passport/passport.views.tsx';
import type { PartnershipView } from '../partners/partners.repository.ts';
import { PartnershipCards } from '../partners/partners.views.tsx';

/**
 * The education contact's home (#17): what to do now — their institution's partnerships (young
 * people and how many are closer, against the target) and the passports young people shared with them.
 */
export function EducationHome({
  page,
  partnerships,
  shared,
}: {
  page: PageContext;
  partnerships: PartnershipView[];
  shared: SharedPassport[];
}) {
  const { t } = page;
  return (
    <>
      <section aria-labelledby="education-partnerships">
        <h2 id="education-partnerships">{t('home.education_partnerships')}</h2>
        <PartnershipCards t={t} partnerships={partnerships} />
      </section>
      <section aria-labelledby="education-passports">
        <h2 id="education-passports">{t('passport.shared_title')}</h2>
        <SharedPassportsList page={page} shared={shared} />
      </section>
    </>
  );
}
