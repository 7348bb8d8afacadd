import type { PageContext } from '../../platform/views/page.ts';
import type { SharedPassport } from '../passport/passport.repository.ts';
import { SharedPassportsList } from '../passport/passport.views.tsx';
import { localDate } from '../../platform/dates.ts';
import type { Handover, PartnershipView } from '../partners/partners.repository.ts';
import { PartnershipCards } from '../partners/partners.views.tsx';

/**
 * The education contact's home (#17): what to do now — their institution's partnerships (young
 * people and how many are closer, against the target), the hand-overs waiting for the team, and the
 * passports young people shared with them.
 */
export function EducationHome({
  page,
  partnerships,
  shared,
  handovers,
}: {
  page: PageContext;
  partnerships: PartnershipView[];
  shared: SharedPassport[];
  /** Hand-overs still waiting for the team. */
  handovers: Handover[];
}) {
  const { t } = page;
  return (
    <>
      <section aria-labelledby="education-partnerships">
        <h2 id="education-partnerships">{t('home.education_partnerships')}</h2>
        <PartnershipCards t={t} partnerships={partnerships} />
      </section>
      {handovers.length > 0 && (
        <section aria-labelledby="education-handovers">
          <h2 id="education-handovers">{t('handover.pending')}</h2>
          <ul class="app-cards">
            {handovers.map((h) => (
              <li class="app-card">
                <h3 class="h4">
                  <a href={`/partnerships/${h.partnershipId}#handovers`}>{`${h.firstName} ${h.lastName}`}</a>
                </h3>
                <p>{t('handover.requested', { date: localDate(h.requestedAt) })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="education-passports">
        <h2 id="education-passports">{t('passport.shared_title')}</h2>
        <SharedPassportsList page={page} shared={shared} />
      </section>
    </>
  );
}
