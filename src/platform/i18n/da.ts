import { groupsDa } from './catalog/groups.da.ts';
import { offersDa } from './catalog/offers.da.ts';
import { homeDa } from './catalog/home.da.ts';
import { movementDa } from './catalog/movement.da.ts';
import { evaluationDa } from './catalog/evaluation.da.ts';
import { internshipPagesDa } from './catalog/internship-pages.da.ts';
import { internshipsDa } from './catalog/internships.da.ts';
import { matchingDa } from './catalog/matching.da.ts';
import { matchingPagesDa } from './catalog/matching-pages.da.ts';
import { networksDa } from './catalog/networks.da.ts';
import { platformDa } from './catalog/platform.da.ts';
import { peopleDayOneDa } from './catalog/people-day-one.da.ts';
import { messagesDa } from './catalog/messages.da.ts';
import { usabilityDa } from './catalog/usability.da.ts';
import { rulesDa } from './catalog/rules.da.ts';
import { groupsRulesDa } from './catalog/groups-rules.da.ts';
import { auditLabelsDa } from './catalog/audit-labels.da.ts';
import { caseworkerDa } from './catalog/caseworker.da.ts';
import { estimatorsDa } from './catalog/estimators.da.ts';
import { companyNetworkDa } from './catalog/company-network.da.ts';
import { unitedDa } from './catalog/united.da.ts';
import { dataRightsDa } from './catalog/data-rights.da.ts';
import { textDa } from './catalog/text.da.ts';
import { libraryDa } from './catalog/library.da.ts';
import { gettingStartedDa } from './catalog/getting-started.da.ts';
import { signInDa } from './catalog/sign-in.da.ts';
import { partnersDa } from './catalog/partners.da.ts';

/** Danish: the source catalog, gathered from one file per area. Every string the user sees lives in these. */
export const da = {
  ...platformDa,
  ...networksDa,
  ...internshipsDa,
  ...internshipPagesDa,
  ...matchingDa,
  ...matchingPagesDa,
  ...groupsDa,
  ...movementDa,
  ...evaluationDa,
  ...offersDa,
  ...homeDa,
  ...peopleDayOneDa,
  ...messagesDa,
  ...usabilityDa,
  ...rulesDa,
  ...groupsRulesDa,
  ...auditLabelsDa,
  ...caseworkerDa,
  ...estimatorsDa,
  ...companyNetworkDa,
  ...unitedDa,
  ...textDa,
  ...libraryDa,
  ...gettingStartedDa,
  ...signInDa,
  ...partnersDa,
  ...dataRightsDa,
} as const;

export type MessageKey = keyof typeof da;
