import { Access } from '../platform/access/access.ts';
import { AuditRepository } from '../platform/audit/audit.repository.ts';
import { AuditService } from '../platform/audit/audit.service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/client.ts';
import { transactionsOf } from '../platform/db/transactions.ts';
import type { JobDefinition } from '../platform/jobs/jobs.ts';
import { type Mailer, OutboxMailer, SmtpMailer } from '../platform/mail/mailer.ts';
import { HttpSmsGateway, OutboxSms, type SmsSender } from '../platform/sms/sms.ts';
import { OutboxRepository } from '../platform/mail/outbox.repository.ts';
import { OutboxService } from '../platform/mail/outbox.service.ts';
import { SavedForms } from '../platform/http/saved-forms.ts';
import { SavedFormsRepository } from '../platform/http/saved-forms.repository.ts';
import { AuditLogRepository } from '../modules/audit-log/audit-log.repository.ts';
import { AuditLogService } from '../modules/audit-log/audit-log.service.ts';
import { DataRightsRepository } from '../modules/data-rights/data-rights.repository.ts';
import { DataRightsService } from '../modules/data-rights/data-rights.service.ts';
import { AccountsRepository } from '../modules/accounts/accounts.repository.ts';
import { SessionCache } from '../modules/accounts/session-cache.ts';
import { AccountsService } from '../modules/accounts/accounts.service.ts';
import { OidcRepository } from '../modules/accounts/oidc.repository.ts';
import { OidcSignInService, type OidcSettings } from '../modules/accounts/oidc.service.ts';
import { ContactProfileRepository } from '../modules/accounts/contact-profile.repository.ts';
import { ContactProfileService } from '../modules/accounts/contact-profile.service.ts';
import { CompaniesRepository } from '../modules/companies/companies.repository.ts';
import { CompaniesService } from '../modules/companies/companies.service.ts';
import { CompaniesCsv } from '../modules/companies/companies.csv.ts';
import { OpeningsRepository } from '../modules/companies/openings.repository.ts';
import { DirectoryRepository } from '../modules/companies/directory.repository.ts';
import { OpeningsService } from '../modules/companies/openings.service.ts';
import { NetworkMeetingsRepository } from '../modules/companies/network-meetings.repository.ts';
import { NetworkMeetingsService } from '../modules/companies/network-meetings.service.ts';
import { YouthRepository } from '../modules/youth/youth.repository.ts';
import { YouthService } from '../modules/youth/youth.service.ts';
import { MyPeopleRepository } from '../modules/youth/my-people.repository.ts';
import { YouthPeopleService } from '../modules/youth/my-people.service.ts';
import { Sealer } from '../platform/crypto/sealed.ts';
import { DashboardRepository } from '../modules/dashboard/dashboard.repository.ts';
import { UnitedRepository } from '../modules/united/united.repository.ts';
import { UnitedService } from '../modules/united/united.service.ts';
import { DashboardService } from '../modules/dashboard/dashboard.service.ts';
import { MunicipalitiesRepository } from '../modules/municipalities/municipalities.repository.ts';
import { modelRules } from '../modules/municipalities/model-rules.ts';
import { MunicipalitiesService } from '../modules/municipalities/municipalities.service.ts';
import { PeopleRepository } from '../modules/people/people.repository.ts';
import { PeopleService } from '../modules/people/people.service.ts';
import { InternshipsRepository } from '../modules/internships/internships.repository.ts';
import { InternshipsService } from '../modules/internships/internships.service.ts';
import { FeedbackService } from '../modules/internships/feedback.service.ts';
import { OverviewService } from '../modules/internships/overview.service.ts';
import { ExtensionsService } from '../modules/internships/extensions.service.ts';
import { MeetingsService } from '../modules/internships/meetings.service.ts';
import { DayOneService } from '../modules/internships/day-one.service.ts';
import { JobcentreService } from '../modules/internships/jobcentre.service.ts';
import { CaseworkerLinkService } from '../modules/youth/caseworker.service.ts';
import { InternshipJobs } from '../modules/internships/internships.jobs.ts';
import { MatchingRepository } from '../modules/matching/matching.repository.ts';
import { OffersRepository } from '../modules/offers/offers.repository.ts';
import { OffersService } from '../modules/offers/offers.service.ts';
import { HomeRepository } from '../modules/home/home.repository.ts';
import { HomeService } from '../modules/home/home.service.ts';
import { WishesService } from '../modules/matching/wishes.service.ts';
import { RoundsService } from '../modules/matching/rounds.service.ts';
import { EventsRepository } from '../modules/matching/events.repository.ts';
import { EventsService } from '../modules/matching/events.service.ts';
import { GroupsRepository } from '../modules/groups/groups.repository.ts';
import { GroupsService } from '../modules/groups/groups.service.ts';
import { CounsellorWeekService } from '../modules/groups/week.service.ts';
import { GroupSpaceService } from '../modules/groups/space.service.ts';
import { SupportRepository } from '../modules/support/support.repository.ts';
import { SupportNotesService } from '../modules/support/support.service.ts';
import { MovementRepository } from '../modules/movement/movement.repository.ts';
import { MovementService } from '../modules/movement/movement.service.ts';
import { ReportsRepository } from '../modules/reports/reports.repository.ts';
import { ReportsService } from '../modules/reports/reports.service.ts';
import { TrialsRepository } from '../modules/evaluation/trials.repository.ts';
import { TrialsService } from '../modules/evaluation/trials.service.ts';
import { TrialResultsService } from '../modules/evaluation/trial-results.service.ts';
import { TrialOutcomesService } from '../modules/evaluation/trial-outcomes.service.ts';
import { StaffTimeService } from '../modules/evaluation/staff-time.service.ts';
import { CostsRepository } from '../modules/evaluation/costs.repository.ts';
import { NotificationsRepository } from '../modules/notifications/notifications.repository.ts';
import { NotificationsService } from '../modules/notifications/notifications.service.ts';
import { MessagesRepository } from '../modules/messages/messages.repository.ts';
import { GettingStartedRepository } from '../modules/home/getting-started.repository.ts';
import { GettingStartedService } from '../modules/home/getting-started.service.ts';
import { LibraryRepository } from '../modules/library/library.repository.ts';
import { LibraryService } from '../modules/library/library.service.ts';
import { MessagesService } from '../modules/messages/messages.service.ts';
import { PassportRepository } from '../modules/passport/passport.repository.ts';
import { PassportService } from '../modules/passport/passport.service.ts';
import { PartnersRepository } from '../modules/partners/partners.repository.ts';
import { PartnersService } from '../modules/partners/partners.service.ts';

export interface ServiceSettings {
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The accessibility statement's feedback address. */
  accessibilityEmail?: string;
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** 32 bytes; encrypts CPR numbers at rest. */
  dataKey: Buffer;
  /** Sign-in through OpenID Connect (MitID, NemLog-in, the municipality's IdP); none when not configured. */
  oidc?: OidcSettings | undefined;
  /** The SMS gateway (SMS_GATEWAY_URL/_TOKEN, SMS_SENDER); without it text messages land in the development outbox. */
  sms?: { url: string; token: string; sender: string } | undefined;
}

/**
 * Sessions are cached briefly (decision 0004): in embedded mode this process is the only writer;
 * with a PostgreSQL server only while the database's change notices arrive (followSessionChanges,
 * started by main.ts).
 */
const sessionCacheFor = (database: Database) => new SessionCache(database.kind === 'pglite' ? 5_000 : 30_000, database.kind === 'pglite');

/** The one composition root: server, worker and CLI all build their services here. */
export function createServices(database: Database, clock: Clock, settings: ServiceSettings) {
  const { db } = database;
  // Services open units of work through this port; only repositories get the database.
  const transactions = transactionsOf(db);
  const sessionCache = sessionCacheFor(database);
  const accountsRepo = new AccountsRepository(db, sessionCache);
  const outboxRepo = new OutboxRepository(db);
  const mailer: Mailer = settings.smtpUrl
    ? new SmtpMailer(settings.smtpUrl, settings.mailFrom)
    : new OutboxMailer(outboxRepo, clock, (email) => accountsRepo.membershipsOfAddress(email));
  const auditRepo = new AuditRepository(db);
  const audit = new AuditService(auditRepo, clock);
  const access = new Access(audit);
  const municipalitiesRepo = new MunicipalitiesRepository(db);
  const peopleRepo = new PeopleRepository(db);
  const accounts = new AccountsService(transactions, accountsRepo, municipalitiesRepo, access, audit, mailer, clock, {
    baseUrl: settings.baseUrl,
    idleMinutes: settings.sessionIdleMinutes,
    absoluteHours: settings.sessionAbsoluteHours,
  });
  const companiesRepo = new CompaniesRepository(db);
  const sealer = new Sealer(settings.dataKey);
  const openingsRepo = new OpeningsRepository(db);
  const youthRepo = new YouthRepository(db);
  const internshipsRepo = new InternshipsRepository(db);
  const sms: SmsSender = settings.sms
    ? new HttpSmsGateway(settings.sms.url, settings.sms.token, settings.sms.sender)
    : new OutboxSms(outboxRepo, clock, (userId) => accountsRepo.membershipsOf(userId));
  const notifications = new NotificationsService(new NotificationsRepository(db), mailer, access, audit, clock, settings.baseUrl, sms);
  const networkMeetings = new NetworkMeetingsService(new NetworkMeetingsRepository(db), companiesRepo, notifications, access, audit, clock);
  const matchingRepo = new MatchingRepository(db);
  const eventsRepo = new EventsRepository(db);
  const feedback = new FeedbackService(
    transactions,
    internshipsRepo,
    youthRepo,
    notifications,
    access,
    audit,
    sealer,
    clock,
    settings.baseUrl,
  );
  const internships = new InternshipsService(
    transactions,
    internshipsRepo,
    youthRepo,
    openingsRepo,
    companiesRepo,
    municipalitiesRepo,
    notifications,
    access,
    audit,
    clock,
  );
  const internshipOverview = new OverviewService(internshipsRepo, access, audit, clock, database.kind === 'pglite' ? 5_000 : 0);
  const groupsRepo = new GroupsRepository(db);
  const trialsRepo = new TrialsRepository(db);
  const costsRepo = new CostsRepository(db);
  const youthService = new YouthService(youthRepo, municipalitiesRepo, accounts, access, audit, sealer, clock, async (m) =>
    Boolean(await trialsRepo.recruiting(m)),
  );
  const movementRepo = new MovementRepository(db);
  const reportsRepo = new ReportsRepository(db, movementRepo);
  const messages = new MessagesService(new MessagesRepository(db), notifications, access, audit, clock);
  const services = {
    database,
    clock,
    settings,
    mailer,
    access,
    audit,
    auditLog: new AuditLogService(new AuditLogRepository(db), access),
    // The young person's data: export (GDPR art. 15 and 20), a read model of every module's tables.
    dataRights: new DataRightsService(new DataRightsRepository(db), access, audit, clock, sealer),
    accounts,
    contactProfile: new ContactProfileService(new ContactProfileRepository(db), access, audit),
    sessionCache,
    municipalities: new MunicipalitiesService(municipalitiesRepo, access, audit),
    people: new PeopleService(peopleRepo, access, audit),
    // Embedded mode reuses the overview's counts for up to 5 s (decision 0004).
    united: new UnitedService(new UnitedRepository(db), access, audit, clock),
    dashboard: new DashboardService(access, new DashboardRepository(db, database.kind === 'pglite' ? 5_000 : 0)),
    companies: new CompaniesService(companiesRepo, accounts, access, audit, clock),
    networkMeetings,
    openings: new OpeningsService(
      openingsRepo,
      new DirectoryRepository(db),
      companiesRepo,
      async (id) => modelRules(await municipalitiesRepo.find(id)),
      access,
      audit,
      clock,
    ),
    companiesCsv: new CompaniesCsv(transactions, companiesRepo, openingsRepo, access, audit, clock),
    sealer,
    youth: youthService,
    youthPeople: new YouthPeopleService(new MyPeopleRepository(db), access),
    notifications,
    internships,
    wishes: new WishesService(
      transactions,
      matchingRepo,
      youthRepo,
      openingsRepo,
      companiesRepo,
      municipalitiesRepo,
      notifications,
      access,
      audit,
      clock,
    ),
    matchEvents: new EventsService(transactions, eventsRepo, youthRepo, openingsRepo, notifications, access, audit, clock),
    rounds: new RoundsService(
      transactions,
      matchingRepo,
      youthRepo,
      openingsRepo,
      internships,
      eventsRepo,
      notifications,
      access,
      audit,
      clock,
    ),
    offers: new OffersService(
      transactions,
      new OffersRepository(db),
      {
        youth: (id) => youthRepo.find(id),
        youthByUser: (userId) => youthRepo.findByUser(userId),
        opening: (id) => openingsRepo.find(id),
        company: (id) => companiesRepo.find(id),
        contactIds: async (companyId) => (await companiesRepo.contacts(companyId)).map((c) => c.id),
        municipality: (id) => municipalitiesRepo.find(id),
        declinePlacements: (youthId, at) => matchingRepo.declineOffered(youthId, at),
      },
      internships,
      notifications,
      access,
      audit,
      clock,
    ),
    home: new HomeService(
      new HomeRepository(db),
      {
        youthByUser: (userId) => youthRepo.findByUser(userId),
        unreadMessages: (ctx) => messages.unreadCount(ctx),
        networkMeetings: (ctx) => networkMeetings.mine(ctx),
      },
      access,
      audit,
      clock,
    ),
    feedback,
    extensions: new ExtensionsService(transactions, internshipsRepo, municipalitiesRepo, notifications, access, audit, clock),
    meetings: new MeetingsService(internshipsRepo, notifications, access, audit, clock),
    dayOne: new DayOneService(internshipsRepo, access, audit, clock),
    jobcentre: new JobcentreService(
      transactions,
      internshipsRepo,
      async (youthId) => (await youthRepo.find(youthId))?.caseworkerUserId ?? null,
      notifications,
      access,
      audit,
      clock,
    ),
    caseworkerLink: new CaseworkerLinkService(youthRepo, access, audit, clock, async (youthId, at) => {
      if (await reportsRepo.consent(youthId)) await reportsRepo.sendHeld(youthId, at);
    }),
    groups: new GroupsService(transactions, groupsRepo, youthRepo, access, audit, clock),
    trials: new TrialsService(transactions, trialsRepo, youthService, municipalitiesRepo, sealer, access, audit, clock),
    trialResults: new TrialResultsService(trialsRepo, costsRepo, access, audit, clock),
    trialOutcomes: new TrialOutcomesService(transactions, trialsRepo, sealer, notifications, access, audit, clock),
    staffTime: new StaffTimeService(costsRepo, youthRepo, access, audit, clock),
    groupSpace: new GroupSpaceService(groupsRepo, youthRepo, access, audit, clock),
    counsellorWeek: new CounsellorWeekService(groupsRepo, youthRepo, internshipOverview, reportsRepo, access, audit, clock),
    supportNotes: new SupportNotesService(new SupportRepository(db), youthRepo, groupsRepo, access, audit, clock),
    movement: new MovementService(movementRepo, youthRepo, access, audit, clock),
    reports: new ReportsService(transactions, reportsRepo, youthRepo, notifications, access, audit, clock),
    messages,
    library: new LibraryService(new LibraryRepository(db), access, audit, clock),
    gettingStarted: new GettingStartedService(new GettingStartedRepository(db), access),
    passports: new PassportService(new PassportRepository(db), access, audit, clock),
    // Accepting a hand-over refers the young person through the youth module (CPR rules, sealing).
    partners: new PartnersService(new PartnersRepository(db), access, audit, clock, youthService.refer.bind(youthService)),
    internshipOverview,
    internshipJobs: new InternshipJobs(internshipsRepo, feedback, notifications, clock, async (companyId) =>
      (await companiesRepo.contacts(companyId)).map((c) => c.id),
    ),
    outbox: new OutboxService(outboxRepo, access, settings.demo && !settings.smtpUrl),
    // Forms kept over an expired session, sealed with the data key (platform/http/saved-forms.ts).
    // Sign-in through OpenID Connect, when configured (decision 0028); young people are recognised by
    // the keyed hash of the CPR claim against their records.
    oidc: settings.oidc
      ? new OidcSignInService(
          new OidcRepository(db),
          accounts,
          access,
          audit,
          sealer,
          clock,
          { ...settings.oidc, baseUrl: settings.baseUrl },
          (hash) => youthRepo.userIdsByCprHash(hash),
        )
      : undefined,
    savedForms: new SavedForms(new SavedFormsRepository(db), sealer, clock),
  };
  wire(services);
  return services;
}

/**
 * What modules contribute to one another, wired here rather than by side effect in their
 * constructors: the order is the order in which they run.
 */
function wire(s: Services) {
  // Accepting an invitation links the new account to the young person's record or the company; a
  // referred young person who accepts is then starting in the network (decision 0021).
  s.accounts.onAccept((invitation, userId, ctx) => s.youth.acceptedInvitation(invitation, userId, ctx));
  s.accounts.onAccept((invitation, userId) => s.companies.acceptedInvitation(invitation, userId));
  // The calendar feed: internships' first and last days, match events, follow-up meetings.
  s.notifications.addCalendarSource((userId, t) => s.internships.calendarFor(userId, t));
  s.notifications.addCalendarSource((userId) => s.matchEvents.calendarFor(userId));
  s.notifications.addCalendarSource((userId, t) => s.meetings.calendarFor(userId, t));
  s.notifications.addCalendarSource((userId) => s.networkMeetings.calendarFor(userId));
  // Accepting a round's placement ends the young person's open direct offers (one start at a time).
  s.rounds.onAccept((youthId) => s.offers.closeOpenFor(youthId));
  // Feedback links in notifications are signed when the mail is written.
  s.notifications.addLinkResolver('feedback', (payload) => s.feedback.signedUrl(payload));
}

export type Services = ReturnType<typeof createServices>;

declare module '../platform/http/app.ts' {
  // Route modules see the services with their real types (see RouteServices).
  interface RouteServices extends Services {}
}

export function jobDefinitions(services: Services): JobDefinition[] {
  const jobs = services.internshipJobs;
  return [
    {
      name: 'sessions-expire',
      cron: '*/10 * * * *',
      handler: async () => ({ ...(await services.accounts.expireSessions()), savedForms: await services.savedForms.expire() }),
    },
    // Cron in UTC: Friday noon (13:00/14:00 in Denmark) and Monday morning; daily at 06:00 UTC.
    { name: 'internship-weekly-requests', cron: '0 12 * * 5', handler: () => jobs.weeklyRequests() },
    { name: 'internship-feedback-reminders', cron: '0 8 * * 1', handler: () => jobs.feedbackReminders() },
    { name: 'internship-daily', cron: '0 6 * * *', handler: async () => [await jobs.startClockAlerts(), await jobs.endReminders()] },
    // The 6-weekly reports: a draft for every young person whose period ended (05:00 UTC).
    // Direct offers not answered by their date expire, and the seat is free (04:00 UTC).
    { name: 'offers-expire', cron: '0 4 * * *', handler: () => services.offers.expireDue() },
    { name: 'reports-draft', cron: '0 5 * * *', handler: () => services.reports.draftDue() },
    // Trial follow-ups due: the team leaders are told on Monday mornings.
    { name: 'trial-follow-ups', cron: '0 7 * * 1', handler: () => services.trialOutcomes.followUpReminders() },
    // Delivery honours each person's quiet hours and digest choice, so it can run often.
    { name: 'notifications-deliver', cron: '*/10 * * * *', handler: () => services.notifications.deliver() },
    // Text messages queued by delivery, and those waiting for another try after the gateway failed.
    { name: 'notifications-sms', cron: '* * * * *', handler: () => services.notifications.sendTexts() },
    // Retention (decision 0027): personal data of young people who left longer ago than their
    // municipality keeps it is erased (03:30 UTC). pg-boss runs a cron once across servers.
    { name: 'data-retention', cron: '30 3 * * *', handler: () => services.dataRights.applyRetention() },
  ];
}
