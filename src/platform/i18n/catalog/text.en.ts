import type { textDa } from './text.da.ts';

/** English texts for #15, key for key with text.da.ts. */
export const textEn: Record<keyof typeof textDa, string> = {
  'a11y.intro':
    'NExTWORK is committed to making the platform accessible in accordance with the Danish act on the accessibility of public sector bodies’ websites and mobile applications. This accessibility statement applies to nextwork.',
  'a11y.status_title': 'Compliance status',
  'a11y.status':
    'The platform is partially compliant with WCAG 2.1 level AA (the standard EN 301 549), due to the non-compliance listed below.',
  'a11y.issues_title': 'Non-accessible content',
  'a11y.issues_intro': 'The content below is not accessible for the following reasons:',
  'a11y.issues_law_title': 'Non-compliance with the accessibility legislation',
  'a11y.issue.pdf':
    'The 6-weekly report as a PDF is not fully tagged (headings and reading order are not marked). The same content is on the report’s page, which is accessible. We are working on a tagged PDF.',
  'a11y.issue.charts':
    'The charts in the evaluation and in the movement measurements are images with a short text. Not all their numbers are also in a table. Contact us and we will send you the numbers.',
  'a11y.issue.screen_readers':
    'Not all pages have been checked by hand with a screen reader. If a page does not work with your screen reader, please write to us.',
  'a11y.issues_scope_title': 'Content that is not within the scope of the legislation',
  'a11y.issue.files':
    'Files for other programs (spreadsheets as CSV and calendar files as ICS) are data, not pages. Their content is also on the pages they are downloaded from.',
  'a11y.prepared_title': 'Preparation of this accessibility statement',
  'a11y.prepared':
    'This statement was prepared on {date}. It is based on a self-assessment: automated tests with axe on every page in the browser tests, and manual tests with a keyboard, 200% zoom and a 360 px wide screen.',
  'a11y.reviewed': 'The statement was last reviewed on {date}.',
  'a11y.feedback_title': 'Feedback and contact information',
  'a11y.feedback':
    'If you have problems with the accessibility, or need the content in another form, please write to us. We answer within 10 working days.',
  'a11y.feedback_email': 'Email:',
  'a11y.enforcement_title': 'Enforcement procedure',
  'a11y.enforcement':
    'If you do not get a satisfactory answer within 10 working days, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises the accessibility of public websites.',
  'a11y.enforcement_link': 'Complain about inaccessibility to the Danish Agency for Digital Government',
  'errors.youth_age_born':
    'The person was born on {born:date} and is {age} {age|year|years} old. NExTWORK is for young people aged {min}–{max}.',
  'trial.stratum.pooled': 'Small blocks pooled',
} as const;
