import type { peopleDayOneDa } from './people-day-one.da.ts';

/** English messages for the young person's people, contact profiles and day one. */
export const peopleDayOneEn: Record<keyof typeof peopleDayOneDa, string> = {
  'nav.my_movement': 'My movement',
  'nav.my_reports': 'My reports',
  'nav.my_notes': 'My notes',
  'nav.my_contact': 'My contact details',

  'validation.contact_phone': 'Enter a Danish phone number with 8 digits, e.g. 12 34 56 78, or leave the field empty.',
  'validation.day_one_time': 'Enter a time such as 9:00 or 13:30, or leave the field empty.',

  'contact.title': 'My contact details',
  'contact.lead':
    'The young people you work with see you under "My people". Here you choose how they can reach you. The team can always see your email.',
  'contact.phone': 'Phone number (optional)',
  'contact.phone_hint': '8 digits, e.g. 12 34 56 78.',
  'contact.shown_legend': 'What the young people may see',
  'contact.show_phone': 'Show my phone number to the young people I work with',
  'contact.show_email': 'Show my email to the young people I work with',
  'contact.email_is': 'Your email is {email}.',
  'contact.save': 'Save',
  'contact.saved': 'Your contact details have been saved.',

  'people_mine.title': 'My people',
  'people_mine.none':
    'When you join a network group or start an internship, you will see your people here: your youth counsellor, your network consultant and your supervisor.',
  'people_mine.role.counsellor': 'Your youth counsellor',
  'people_mine.role.consultant': 'Your network consultant',
  'people_mine.role.supervisor': 'Your supervisor at {company}',
  'people_mine.phone': 'Phone',
  'people_mine.email': 'Email',
  'people_mine.no_contact': 'Ask in your group or at the workplace how to reach them.',

  'day_one.title_youth': 'Your first day at {company}',
  'day_one.title': 'First day at {company}',
  'day_one.company': 'Company',
  'day_one.address': 'Where to meet',
  'day_one.map': 'Show on map',
  'day_one.when': 'First day',
  'day_one.day_at': '{day} at {time}',
  'day_one.meets_you': 'Who meets you',
  'day_one.meets': 'Who meets them',
  'day_one.hours': 'Hours',
  'day_one.bring_youth': 'What to bring',
  'day_one.bring': 'What the young person should bring',
  'day_one.bring_none': 'Not written yet. Ask your supervisor.',
  'day_one.not_set': 'Not agreed yet.',
  'day_one.form_title': 'Practical facts for the first day',
  'day_one.form_lead': 'The young person sees these first on their internship page.',
  'day_one.time': 'Meeting time on the first day (optional)',
  'day_one.time_hint': 'E.g. 9:00.',
  'day_one.meet_at': 'Meeting place, if not the address (optional)',
  'day_one.meet_at_hint': 'Leave empty if the young person meets at {place}.',
  'day_one.bring_hint': 'E.g. work clothes, safety shoes and a packed lunch.',
  'day_one.save': 'Save',
  'day_one.saved': 'The first-day facts have been saved.',
  'internship.event.day_one': 'First-day facts changed',

  'audit.action.internship.day_one': 'Changed the first-day facts',
  'audit.action.account.contact_profile': 'Changed their contact details',
};
