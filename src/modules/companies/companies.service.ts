import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { companyInput, companyStatusInput, contactInviteInput, contactLogInput } from './companies.inputs.ts';
import type { CompanyStatus } from './companies.values.ts';
import type { OneTimeToken } from '../accounts/accounts.repository.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { CompaniesRepository, Company, ContactLogEntry, StatusChange } from './companies.repository.ts';
import type { Opening } from './openings.repository.ts';

export interface CompanyView {
  company: Company;
  openings: Opening[];
  /** Only for those who may see the network's internal notes; null otherwise. */
  internal: { history: StatusChange[]; contactLog: ContactLogEntry[]; contacts: { id: string; name: string; email: string }[] } | null;
  canEdit: boolean;
  canLogContact: boolean;
  canInviteContact: boolean;
  /** For the team: the other municipalities with a company of the same CVR number ("også aktiv i Vejle"). */
  alsoIn: string[];
}

/** The company network: profiles, membership status with history, and the CRM. */
export class CompaniesService {
  constructor(
    private readonly repo: CompaniesRepository,
    private readonly accounts: AccountsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** An accepted invitation for a company's contact person: the new account becomes one of its contacts. */
  async acceptedInvitation(invitation: OneTimeToken, userId: string): Promise<void> {
    if (invitation.companyId) await this.repo.addContact(invitation.companyId, userId);
  }

  /** Invites a contact person (a user with the company-contact role) for this company. */
  async inviteContact(ctx: Context, id: string, input: unknown, locale: Locale): Promise<{ email: string }> {
    const { company } = await this.load(ctx, id, 'company.update');
    const values = parseInput(contactInviteInput, input);
    const { email } = await this.accounts.invite(
      ctx,
      { ...values, role: 'company_contact', municipalityId: company.municipalityId },
      locale,
      { companyId: company.id },
    );
    return { email };
  }

  private async load(ctx: Context, id: string, action: Parameters<Access['require']>[1]) {
    const company = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, action, {
      type: 'company',
      id,
      municipalityId: company?.municipalityId ?? null,
      companyId: id,
    });
    if (!company) throw notFound();
    return { company, grant };
  }

  async get(ctx: Context, id: string): Promise<CompanyView> {
    const { company } = await this.load(ctx, id, 'company.read');
    const actor = this.access.requireActor(ctx);
    const target = [{ municipalityId: company.municipalityId, companyId: company.id }];
    const internal = can(actor, 'company.read_internal', target);
    const [openings, history, contactLog, contacts, alsoIn] = await Promise.all([
      this.repo.openingsOf(company.id, can(actor, 'opening.read_unpublished', target)),
      internal ? this.repo.history(company.id) : [],
      internal ? this.repo.contactLog(company.id) : [],
      internal || can(actor, 'company.update', target) ? this.repo.contacts(company.id) : [],
      internal ? this.repo.otherMunicipalitiesWithCvr(company.cvr, company.municipalityId) : [],
    ]);
    return {
      company,
      openings,
      internal: internal ? { history, contactLog, contacts } : null,
      canEdit: can(actor, 'company.update', target),
      canLogContact: can(actor, 'company.crm', target),
      canInviteContact:
        can(actor, 'company.update', target) &&
        can(actor, 'person.invite', [{ municipalityId: company.municipalityId, role: 'company_contact' }]),
      alsoIn,
    };
  }

  async create(ctx: Context, municipalityId: string, input: unknown): Promise<Company> {
    const grant = await this.access.requireOne(ctx, 'company.create', { type: 'company', id: '', municipalityId });
    const values = parseInput(companyInput, input);
    const actor = this.access.requireActor(ctx);
    try {
      return await this.audit.atomically(async () => {
        const company = await this.repo.insert(municipalityId, values, this.clock.now(), actor.userId);
        await this.audit.record(ctx, {
          action: 'company.create',
          actorRole: grant.role,
          municipalityId,
          targetType: 'company',
          targetId: company.id,
        });
        return company;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.cvr_taken', { cvr: 'errors.cvr_taken' });
      throw err;
    }
  }

  async update(ctx: Context, id: string, input: unknown): Promise<void> {
    const { company, grant } = await this.load(ctx, id, 'company.update');
    const values = parseInput(companyInput, input);
    try {
      await this.audit.atomically(async () => {
        await this.repo.update(company.id, values, this.clock.now());
        await this.audit.record(ctx, {
          action: 'company.update',
          actorRole: grant.role,
          municipalityId: company.municipalityId,
          targetType: 'company',
          targetId: id,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.cvr_taken', { cvr: 'errors.cvr_taken' });
      throw err;
    }
  }

  async setStatus(ctx: Context, id: string, input: unknown): Promise<void> {
    const { company, grant } = await this.load(ctx, id, 'company.crm');
    const { status, note } = parseInput(companyStatusInput, input);
    if (status === company.networkStatus) throw invalid({ status: 'validation.status_same' });
    await this.audit.atomically(async () => {
      await this.repo.setStatus(id, company.networkStatus, status, note, this.clock.now(), this.access.requireActor(ctx).userId);
      await this.audit.record(ctx, {
        action: 'company.status',
        actorRole: grant.role,
        municipalityId: company.municipalityId,
        targetType: 'company',
        targetId: id,
        details: { from: company.networkStatus, to: status },
      });
    });
  }

  async logContact(ctx: Context, id: string, input: unknown): Promise<void> {
    const { company, grant } = await this.load(ctx, id, 'company.crm');
    const values = parseInput(contactLogInput, input);
    await this.audit.atomically(async () => {
      await this.repo.addContactLog({ ...values, companyId: id, at: this.clock.now(), byUserId: this.access.requireActor(ctx).userId });
      await this.audit.record(ctx, {
        action: 'company.contact_log',
        actorRole: grant.role,
        municipalityId: company.municipalityId,
        targetType: 'company',
        targetId: id,
      });
    });
  }

  async list(ctx: Context, municipalityId: string, filter: { q?: string; status?: string; trade?: string; page?: number }) {
    await this.access.require(ctx, 'company.read_internal', [{ type: 'company_list', id: municipalityId, municipalityId }]);
    const page = Math.max(1, Math.min(10_000, Number(filter.page) || 1));
    const result = await this.repo.list(
      municipalityId,
      { q: (filter.q ?? '').trim().slice(0, 200), status: filter.status ?? '', trade: filter.trade ?? '' },
      page,
    );
    return { ...result, page };
  }

  /**
   * How many distinct companies the programme has across municipalities, counted once each by CVR
   * number (a company in the networks of two municipalities is one company). By default the
   * companies in the networks (active or onboarding); for the programme's overview.
   */
  async countDistinctByCvr(ctx: Context, statuses: readonly CompanyStatus[] = ['active', 'onboarding']): Promise<number> {
    await this.access.require(ctx, 'company.national', [{ type: 'company_list', id: '', municipalityId: null }]);
    return this.repo.distinctCvrCount(statuses);
  }
}
