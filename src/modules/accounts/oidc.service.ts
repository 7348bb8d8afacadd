import * as oidc from 'openid-client';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { AppError } from '../../platform/errors.ts';
import type { AccountsService, SignedIn } from './accounts.service.ts';
import type { OidcIdentity, OidcRepository } from './oidc.repository.ts';

/** Sign-in through an OpenID Connect provider (config OIDC_*), decision 0028. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** The provider's name on buttons ("MitID"). */
  label: string;
  /** Space-separated; includes openid. */
  scopes: string;
  /** The claim that holds the CPR number; without it only linked accounts can sign in. */
  cprClaim?: string | undefined;
}

/** What the browser keeps (sealed, in a short-lived cookie) between leaving for the provider and coming back. */
interface Flow {
  purpose: 'sign_in' | 'link';
  state: string;
  nonce: string;
  verifier: string;
  /** For a link: the account that started it. */
  userId: string | null;
  next: string;
  expiresAt: number;
}

export type OidcOutcome = { kind: 'signed_in'; signedIn: SignedIn; next: string } | { kind: 'linked' };

/** Why a sign-in was refused: the message key of the page shown, and the reason written to the audit log. */
export class OidcRefused extends AppError {
  constructor(
    messageKey: string,
    readonly reason: string,
    code: 'not_found' | 'invalid' | 'conflict' | 'unavailable' | 'forbidden' = 'invalid',
  ) {
    super(code, messageKey);
  }
}

/** How long a browser may take at the provider. */
export const FLOW_MINUTES = 10;
/** The provider's metadata is fetched again after this long (keys are refetched by openid-client when they change). */
const METADATA_MS = 3_600_000;

/** Ten digits from a CPR claim ("0101901234" or "010190-1234"); undefined for anything else. */
export function cprDigits(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  return m ? `${m[1]}${m[2]}` : undefined;
}

export class OidcSignInService {
  #configuration: { at: number; config: Promise<oidc.Configuration> } | undefined;

  constructor(
    private readonly repo: OidcRepository,
    private readonly accounts: AccountsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly settings: OidcSettings & { baseUrl: string },
    /** The accounts of young people whose sealed CPR hash is this (youth records with an account). */
    private readonly usersByCprHash: (hash: string) => Promise<string[]>,
  ) {}

  get label(): string {
    return this.settings.label;
  }

  get redirectUri(): string {
    return `${this.settings.baseUrl}/sign-in/oidc/callback`;
  }

  /** The provider's metadata, discovered once an hour; unavailable (503) while it cannot be reached. */
  private configuration(): Promise<oidc.Configuration> {
    const now = Date.now();
    if (!this.#configuration || now - this.#configuration.at > METADATA_MS) {
      const { issuer, clientId, clientSecret } = this.settings;
      const config = oidc
        .discovery(
          new URL(issuer),
          clientId,
          clientSecret ? { client_secret: clientSecret } : undefined,
          clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
          { execute: issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [], timeout: 10 },
        )
        .catch(() => {
          this.#configuration = undefined;
          throw new OidcRefused('signin_oidc.unavailable', 'discovery', 'unavailable');
        });
      this.#configuration = { at: now, config };
    }
    return this.#configuration.config;
  }

  /**
   * Where to send the browser, and the sealed cookie that remembers state, nonce and PKCE verifier.
   * A link is started by a signed-in person for their own account.
   */
  async start(ctx: Context, purpose: 'sign_in' | 'link', next = ''): Promise<{ url: string; cookie: string }> {
    const userId = purpose === 'link' ? this.access.requireActor(ctx).userId : null;
    const config = await this.configuration();
    const flow: Flow = {
      purpose,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      userId,
      next,
      expiresAt: this.clock.now().getTime() + FLOW_MINUTES * 60_000,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, cookie: this.sealer.seal(JSON.stringify(flow)) };
  }

  /** The provider's answer: verified, then an account signed in or linked; OidcRefused otherwise (audited). */
  async finish(ctx: Context, currentUrl: URL, cookie: string | undefined): Promise<OidcOutcome> {
    const flow = this.openFlow(cookie);
    if (!flow) return this.refuse(ctx, new OidcRefused('signin_oidc.expired', 'no_flow'));
    const config = await this.configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      // The person cancelled at the provider (error=access_denied and the like) or the answer did not verify.
      if (err instanceof oidc.AuthorizationResponseError) return this.refuse(ctx, new OidcRefused('signin_oidc.cancelled', err.error));
      // openid-client's code and message say which check failed (state, iss, nonce…), never a token or a value.
      const { code, message, cause } = err as { code?: unknown; message?: unknown; cause?: { message?: unknown } };
      const refusal = new OidcRefused('signin_oidc.failed', typeof code === 'string' ? code : 'verification');
      const detail = [message, cause?.message].filter((m) => typeof m === 'string').join(': ');
      return this.refuse(ctx, refusal, null, 'account.sign_in', detail.slice(0, 200) || undefined);
    }
    const claims = tokens.claims()!;
    const issuer = claims.iss;
    const subject = claims.sub;
    if (flow.purpose === 'link') return this.link(ctx, flow, issuer, subject);

    const linked = await this.repo.findBySubject(issuer, subject);
    if (linked) {
      const signedIn = await this.accounts.signInVerified(ctx, linked.userId, 'oidc', { issuer });
      if (!signedIn) return this.refuse(ctx, new OidcRefused('signin_oidc.unknown', 'disabled', 'not_found'), linked.userId);
      await this.repo.touch(linked.id, this.clock.now());
      return { kind: 'signed_in', signedIn, next: flow.next };
    }
    const userId = await this.recogniseByCpr(config, tokens, claims);
    if (!userId) return this.refuse(ctx, new OidcRefused('signin_oidc.unknown', 'unknown', 'not_found'));
    const own: Context = { ...ctx, actor: { userId, name: '', email: '', memberships: [] } };
    const recorded = await this.audit.atomically(async () => {
      if (!(await this.repo.insert({ userId, issuer, subject, linkedBy: 'cpr', at: this.clock.now() }))) return false;
      await this.audit.record(own, {
        action: 'account.oidc_link',
        targetType: 'user',
        targetId: userId,
        subjectUserId: userId,
        details: { issuer, by: 'cpr' },
      });
      return true;
    });
    // The account is linked to another subject at this issuer already: not silently replaced.
    if (!recorded) return this.refuse(ctx, new OidcRefused('signin_oidc.unknown', 'other_subject', 'not_found'), userId);
    const signedIn = await this.accounts.signInVerified(ctx, userId, 'oidc', { issuer, by: 'cpr' });
    if (!signedIn) return this.refuse(ctx, new OidcRefused('signin_oidc.unknown', 'disabled', 'not_found'), userId);
    return { kind: 'signed_in', signedIn, next: flow.next };
  }

  /** The signed-in person's link at the configured provider, if any. */
  async mine(ctx: Context): Promise<OidcIdentity | undefined> {
    const actor = this.access.requireActor(ctx);
    const config = await this.configuration().catch(() => undefined);
    const issuer = config?.serverMetadata().issuer ?? this.settings.issuer;
    return this.repo.findByUser(actor.userId, issuer);
  }

  async unlink(ctx: Context): Promise<void> {
    const actor = this.access.requireActor(ctx);
    const found = await this.mine(ctx);
    if (!found) return;
    await this.audit.atomically(async () => {
      if (!(await this.repo.remove(actor.userId, found.issuer))) return;
      await this.audit.record(ctx, {
        action: 'account.oidc_unlink',
        targetType: 'user',
        targetId: actor.userId,
        subjectUserId: actor.userId,
        details: { issuer: found.issuer },
      });
    });
  }

  /** Where to end the session at the provider too (RP-initiated logout), when it offers that. */
  async endSessionUrl(): Promise<string | undefined> {
    const config = await this.configuration().catch(() => undefined);
    if (!config?.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(config, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: `${this.settings.baseUrl}/sign-in`,
    }).href;
  }

  private async link(ctx: Context, flow: Flow, issuer: string, subject: string): Promise<OidcOutcome> {
    // Only the session that started the link may finish it.
    if (!ctx.actor || ctx.actor.userId !== flow.userId)
      return this.refuse(ctx, new OidcRefused('signin_oidc.link_expired', 'link_session'), null, 'account.oidc_link');
    const userId = ctx.actor.userId;
    const taken = await this.repo.findBySubject(issuer, subject);
    if (taken?.userId === userId) return { kind: 'linked' };
    if (taken) return this.refuse(ctx, new OidcRefused('signin_oidc.link_taken', 'link_taken', 'conflict'), userId, 'account.oidc_link');
    const done = await this.audit.atomically(async () => {
      if (!(await this.repo.insert({ userId, issuer, subject, linkedBy: 'link', at: this.clock.now() }))) return false;
      await this.audit.record(ctx, {
        action: 'account.oidc_link',
        targetType: 'user',
        targetId: userId,
        subjectUserId: userId,
        details: { issuer, by: 'link' },
      });
      return true;
    });
    if (!done) return this.refuse(ctx, new OidcRefused('signin_oidc.link_exists', 'link_exists', 'conflict'), userId, 'account.oidc_link');
    return { kind: 'linked' };
  }

  /**
   * The one account whose young person's CPR hash matches the claim (from the ID token, else from
   * the UserInfo endpoint). Two accounts with the same number (two municipalities) are refused rather
   * than guessed between. The number is hashed at once and neither logged nor stored.
   */
  private async recogniseByCpr(
    config: oidc.Configuration,
    tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>,
    claims: oidc.IDToken,
  ): Promise<string | undefined> {
    const claim = this.settings.cprClaim;
    if (!claim) return undefined;
    let value: unknown = claims[claim];
    if (value === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined);
      value = info?.[claim];
    }
    const digits = cprDigits(value);
    if (!digits) return undefined;
    const users = await this.usersByCprHash(this.sealer.lookupHash(digits));
    return users.length === 1 ? users[0] : undefined;
  }

  private openFlow(cookie: string | undefined): Flow | undefined {
    if (!cookie) return undefined;
    try {
      const flow = JSON.parse(this.sealer.open(cookie)) as Flow;
      return flow.expiresAt > this.clock.now().getTime() ? flow : undefined;
    } catch {
      return undefined;
    }
  }

  private async refuse(
    ctx: Context,
    refusal: OidcRefused,
    subjectUserId: string | null = null,
    action: 'account.sign_in' | 'account.oidc_link' = 'account.sign_in',
    detail?: string,
  ): Promise<never> {
    await this.audit.record(ctx, {
      action,
      outcome: 'failed',
      subjectUserId,
      details: { method: 'oidc', reason: refusal.reason, ...(detail ? { detail } : {}) },
    });
    throw refusal;
  }
}
