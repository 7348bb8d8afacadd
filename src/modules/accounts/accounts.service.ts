import { hash, verify } from '@node-rs/argon2';
import type { Access } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, rateLimited } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { parseInput } from '../../platform/validation.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import { acceptInvitationInput, inviteInput, signInInput, signInLinkInput } from './accounts.inputs.ts';
import type { AccountsRepository, OneTimeToken, User } from './accounts.repository.ts';
import { accountRule, ipRule, lockSeconds, type ThrottleRule } from './throttle.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';

/**
 * Runs inside the transaction that accepts an invitation, once the account exists; `ctx` is the
 * new account's own (the person who accepted acts).
 */
export type AcceptHook = (invitation: OneTimeToken, userId: string, ctx: Context) => Promise<void>;

const SIGN_IN_LINK_MINUTES = 15;
const INVITATION_DAYS = 7;
/** Write last-seen at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface AccountsSettings {
  baseUrl: string;
  idleMinutes: number;
  absoluteHours: number;
}

export interface SignedIn {
  sessionToken: string;
  user: User;
}

export interface ResolvedSession {
  sessionId: string;
  actor: Actor;
}

export const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => hash(password, argonOptions);
/** Verified against when the email is unknown, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;

export class AccountsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: AccountsRepository,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly settings: AccountsSettings,
  ) {}

  /**
   * @param knownDevice the account this browser signed in to before (a signed cookie): its owner is
   * not shut out by a lock that others' wrong guesses put on the account; the per-IP limit still applies.
   */
  async signInWithPassword(ctx: Context, input: unknown, ip: string, knownDevice?: string): Promise<SignedIn> {
    const { email, password } = parseInput(signInInput, input);
    await this.checkThrottle(email, ip, 'password', knownDevice?.toLowerCase() === email.toLowerCase());
    const user = await this.repo.findUserByEmail(email);
    const ok = await verify(user?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password'))), password);
    if (!user || !user.passwordHash || !ok || user.disabledAt) {
      await this.countFailure(email, ip);
      await this.audit.record(ctx, {
        action: 'account.sign_in',
        outcome: 'failed',
        subjectUserId: user?.id ?? null,
        details: { method: 'password' },
      });
      throw invalid({ email: 'signin.failed' }, 'signin.failed');
    }
    await this.repo.clearFailures('account', email);
    return this.startSession(ctx, user, 'password');
  }

  /** Always answers the same way, whether or not the email is known. */
  async requestSignInLink(ctx: Context, input: unknown, ip: string, locale: Locale): Promise<void> {
    const { email } = parseInput(signInLinkInput, input);
    await this.checkThrottle(email, ip, 'link');
    await this.countFailure(email, ip, 'link');
    const user = await this.repo.findUserByEmail(email);
    if (!user || user.disabledAt) return;
    const { token, id } = newToken();
    const now = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.insertToken({
        id,
        purpose: 'sign_in',
        userId: user.id,
        email: user.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
      });
      const link = `${this.settings.baseUrl}/sign-in/link/${token}`;
      await this.mailer.send({
        to: user.email,
        subject: translate(locale, 'mail.signin_subject'),
        text: translate(locale, 'mail.signin_text', { name: user.name, link }),
      });
      await this.audit.record(ctx, { action: 'account.sign_in_link_sent', subjectUserId: user.id });
    });
  }

  async signInWithLink(ctx: Context, token: string): Promise<SignedIn> {
    const id = hashToken(token);
    const now = this.clock.now();
    const found = await this.repo.findUsableToken(id, 'sign_in', now);
    const user = found?.userId ? await this.repo.findUser(found.userId) : undefined;
    if (!found || !user || user.disabledAt || !(await this.repo.consumeToken(id, now))) {
      throw new AppError('not_found', 'signin.link_invalid');
    }
    await this.repo.clearFailures('account', user.email.toLowerCase());
    return this.startSession(ctx, user, 'link');
  }

  /**
   * A session for an account another sign-in method has already verified (OpenID Connect,
   * decision 0028): the same session and audit entry as the password sign-in, with its method.
   * Undefined for an unknown or disabled account.
   */
  async signInVerified(ctx: Context, userId: string, method: string, details: Record<string, string> = {}): Promise<SignedIn | undefined> {
    const user = await this.repo.findUser(userId);
    if (!user || user.disabledAt) return undefined;
    await this.repo.clearFailures('account', user.email.toLowerCase());
    return this.startSession(ctx, user, method, details);
  }

  async signOut(ctx: Context, sessionId: string): Promise<void> {
    await this.audit.atomically(async () => {
      await this.repo.deleteSession(sessionId);
      await this.audit.record(ctx, { action: 'account.sign_out', subjectUserId: ctx.actor?.userId ?? null });
    });
  }

  /** Finds the session for a cookie token; null when missing or past the idle or absolute limit. */
  async resolveSession(token: string): Promise<ResolvedSession | null> {
    const id = hashToken(token);
    const found = await this.repo.findSession(id);
    if (!found) return null;
    const now = this.clock.now();
    const { session, user, memberships, companyIds } = found;
    const idleLimit = session.lastSeenAt.getTime() + this.settings.idleMinutes * 60_000;
    if (now >= session.expiresAt || now.getTime() >= idleLimit || user.disabledAt) {
      await this.repo.deleteSession(id);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.repo.touchSession(id, now);
    return {
      sessionId: id,
      actor: { userId: user.id, name: user.name, email: user.email, memberships, companyIds },
    };
  }

  private readonly acceptHooks: AcceptHook[] = [];

  /**
   * Runs `hook` inside the acceptance transaction, after the hooks added before it — e.g. to link a
   * young person's record to the new account (wired in app/services.ts).
   */
  onAccept(hook: AcceptHook): void {
    this.acceptHooks.push(hook);
  }

  async invite(
    ctx: Context,
    input: unknown,
    locale: Locale,
    link: { youthId?: string; companyId?: string } = {},
  ): Promise<{ email: string; link: string }> {
    const actor = this.access.requireActor(ctx);
    const data = parseInput(inviteInput, input);
    const grant = await this.access.requireOne(ctx, 'person.invite', {
      type: 'invitation',
      id: data.email,
      municipalityId: data.municipalityId,
      role: data.role,
    });
    const municipality = data.municipalityId ? await this.municipalities.find(data.municipalityId) : undefined;
    if (data.municipalityId && !municipality) throw invalid({ municipalityId: 'validation.municipality' });
    const existing = await this.repo.findUserByEmail(data.email);
    if (existing) {
      const has = (await this.repo.membershipsOf(existing.id)).some(
        (m) => m.role === data.role && m.municipalityId === data.municipalityId,
      );
      if (has) throw conflict('errors.email_taken', { email: 'errors.email_taken' });
    }
    const { token, id } = newToken();
    const inviteLink = `${this.settings.baseUrl}/invitations/${token}`;
    const now = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.insertToken({
        id,
        purpose: 'invitation',
        userId: existing?.id ?? null,
        email: data.email,
        name: data.name,
        role: data.role,
        municipalityId: data.municipalityId,
        invitedBy: actor.userId,
        youthId: link.youthId ?? null,
        companyId: link.companyId ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      });
      await this.mailer.send({
        to: data.email,
        subject: translate(locale, 'mail.invite_subject'),
        text: translate(locale, 'mail.invite_text', {
          name: data.name,
          inviter: actor.name,
          municipality: municipality?.name ?? 'nextwork',
          role: translate(locale, `role.${data.role}`),
          link: inviteLink,
        }),
      });
      await this.audit.record(ctx, {
        action: 'person.invite',
        actorRole: grant.role,
        municipalityId: data.municipalityId,
        targetType: 'invitation',
        targetId: id,
        subjectUserId: existing?.id ?? null,
        details: { role: data.role },
      });
    });
    return { email: data.email, link: inviteLink };
  }

  /** The invitation behind a link, for the welcome page; not_found when unusable. */
  async findInvitation(token: string): Promise<OneTimeToken & { municipalityName: string | null }> {
    const found = await this.repo.findUsableToken(hashToken(token), 'invitation', this.clock.now());
    if (!found) throw new AppError('not_found', 'accept.invalid');
    const municipality = found.municipalityId ? await this.municipalities.find(found.municipalityId) : undefined;
    return { ...found, municipalityName: municipality?.name ?? null };
  }

  async acceptInvitation(ctx: Context, token: string, input: unknown): Promise<SignedIn> {
    const invitation = await this.findInvitation(token);
    const { password } = parseInput(acceptInvitationInput, input);
    const passwordHash = await hashPassword(password);
    const now = this.clock.now();
    const user = await this.transactions.transaction(async () => {
      if (!(await this.repo.consumeToken(invitation.id, now))) throw new AppError('not_found', 'accept.invalid');
      const user =
        (await this.repo.findUserByEmail(invitation.email)) ??
        (await this.repo.createUser({ email: invitation.email, name: invitation.name ?? invitation.email, createdAt: now }));
      await this.repo.setPassword(user.id, passwordHash);
      await this.repo.addMembership({ userId: user.id, role: invitation.role!, municipalityId: invitation.municipalityId, createdAt: now });
      const own: Context = { ...ctx, actor: { userId: user.id, name: user.name, email: user.email, memberships: [] } };
      await this.audit.record(own, {
        action: 'person.accept_invitation',
        municipalityId: invitation.municipalityId,
        targetType: 'user',
        targetId: user.id,
        subjectUserId: user.id,
        details: { role: invitation.role },
      });
      for (const hook of this.acceptHooks) await hook(invitation, user.id, own);
      return user;
    });
    return this.startSession(ctx, user, 'invitation');
  }

  /** Job: remove expired sessions and tokens. */
  async expireSessions(): Promise<{ sessions: number; tokens: number }> {
    const now = this.clock.now();
    return this.repo.deleteExpired(now, new Date(now.getTime() - this.settings.idleMinutes * 60_000));
  }

  private async startSession(ctx: Context, user: User, method: string, details: Record<string, string> = {}): Promise<SignedIn> {
    const { token, id } = newToken();
    const now = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.insertSession({
        id,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.settings.absoluteHours * 3_600_000),
      });
      await this.audit.record(
        { ...ctx, actor: { userId: user.id, name: user.name, email: user.email, memberships: [] } },
        {
          action: 'account.sign_in',
          subjectUserId: user.id,
          details: { ...details, method },
        },
      );
    });
    return { sessionToken: token, user };
  }

  private async checkThrottle(email: string, ip: string, what: 'password' | 'link' = 'password', knownDevice = false): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [kind, key] of [
      ...(knownDevice ? [] : ([[what === 'password' ? 'account' : 'link', email]] as const)),
      ['ip', ip],
    ] as const) {
      const state = await this.repo.throttleState(kind, key);
      if (state?.lockedUntil && state.lockedUntil.getTime() > now) {
        throw rateLimited(Math.ceil((state.lockedUntil.getTime() - now) / 1000));
      }
    }
  }

  private async countFailure(email: string, ip: string, what: 'password' | 'link' = 'password'): Promise<void> {
    const now = this.clock.now();
    const pairs: [string, string, ThrottleRule][] =
      what === 'password'
        ? [
            ['account', email, accountRule],
            ['ip', ip, ipRule],
          ]
        : [
            ['link', email, accountRule],
            ['ip', ip, ipRule],
          ];
    for (const [kind, key, rule] of pairs) {
      const failures = await this.repo.recordFailure(kind, key, now);
      const seconds = lockSeconds(rule, failures);
      if (seconds > 0) await this.repo.lockUntil(kind, key, new Date(now.getTime() + seconds * 1000));
    }
  }
}
