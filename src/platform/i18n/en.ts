import { groupsEn } from './catalog/groups.en.ts';
import { offersEn } from './catalog/offers.en.ts';
import { homeEn } from './catalog/home.en.ts';
import { movementEn } from './catalog/movement.en.ts';
import { evaluationEn } from './catalog/evaluation.en.ts';
import { internshipPagesEn } from './catalog/internship-pages.en.ts';
import { internshipsEn } from './catalog/internships.en.ts';
import { matchingEn } from './catalog/matching.en.ts';
import { matchingPagesEn } from './catalog/matching-pages.en.ts';
import { networksEn } from './catalog/networks.en.ts';
import { platformEn } from './catalog/platform.en.ts';
import { peopleDayOneEn } from './catalog/people-day-one.en.ts';
import { messagesEn } from './catalog/messages.en.ts';
import { usabilityEn } from './catalog/usability.en.ts';
import { rulesEn } from './catalog/rules.en.ts';
import { groupsRulesEn } from './catalog/groups-rules.en.ts';
import { auditLabelsEn } from './catalog/audit-labels.en.ts';
import { caseworkerEn } from './catalog/caseworker.en.ts';
import { estimatorsEn } from './catalog/estimators.en.ts';
import { companyNetworkEn } from './catalog/company-network.en.ts';
import { unitedEn } from './catalog/united.en.ts';
import { dataRightsEn } from './catalog/data-rights.en.ts';
import { textEn } from './catalog/text.en.ts';
import { libraryEn } from './catalog/library.en.ts';
import { gettingStartedEn } from './catalog/getting-started.en.ts';
import { signInEn } from './catalog/sign-in.en.ts';
import { partnersEn } from './catalog/partners.en.ts';
import type { MessageKey } from './da.ts';

/** English, key for key with the Danish catalog. */
export const en: Record<MessageKey, string> = {
  ...platformEn,
  ...networksEn,
  ...internshipsEn,
  ...internshipPagesEn,
  ...matchingEn,
  ...matchingPagesEn,
  ...groupsEn,
  ...movementEn,
  ...evaluationEn,
  ...offersEn,
  ...homeEn,
  ...peopleDayOneEn,
  ...messagesEn,
  ...usabilityEn,
  ...rulesEn,
  ...groupsRulesEn,
  ...auditLabelsEn,
  ...caseworkerEn,
  ...estimatorsEn,
  ...companyNetworkEn,
  ...unitedEn,
  ...textEn,
  ...libraryEn,
  ...gettingStartedEn,
  ...signInEn,
  ...partnersEn,
  ...dataRightsEn,
};
