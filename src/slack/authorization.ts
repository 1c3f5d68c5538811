import type { AuthorizeResult } from '@slack/bolt';

/** What the app knows of its token: checked yet, and if it failed, why and when it is tried again. */
export interface AuthState {
  readonly ok: boolean;
  readonly reason?: string;
  readonly attempts: number;
}

/** The one Web API call authorization needs (auth.test), so tests and the app can supply a client. */
export type AuthTest = () => Promise<{ user_id?: string; bot_id?: string; team_id?: string }>;

/**
 * The app's authorization for its one workspace, in place of Bolt's single authorization, which
 * keeps the result of its one start-up `auth.test` — a failure included — for the life of the
 * process. Here the token is checked at start-up with retries and growing pauses (capped), again
 * whenever a check failed, and the successful result alone is kept. Until a check succeeds,
 * requests are still served with the bare token (so the app answers the moment Slack is back),
 * and readiness says why it is not ready.
 */
export class SlackAuthorization {
  private result: AuthorizeResult | undefined;
  private failure = 'auth.test not answered yet';
  private attempts = 0;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly botToken: string,
    private readonly authTest: AuthTest,
    private readonly backoff = { firstMs: 500, maxMs: 30_000 },
    private readonly onChange: (state: AuthState) => void = () => {},
  ) {}

  get state(): AuthState {
    return this.result ? { ok: true, attempts: this.attempts } : { ok: false, reason: this.failure, attempts: this.attempts };
  }

  /** Starts checking the token in the background until it succeeds; resolves after the first try. */
  start(): Promise<void> {
    return this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Bolt's `authorize`: the verified identity, or the bare token while it is being (re)checked. */
  readonly authorize = async (): Promise<AuthorizeResult> => {
    if (this.result) return this.result;
    // Never wait on Slack here: Bolt authorizes before the listener acks.
    if (!this.inFlight && !this.timer) void this.check();
    return { botToken: this.botToken };
  };

  private check(): Promise<void> {
    this.inFlight ??= this.once().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async once(): Promise<void> {
    this.attempts++;
    try {
      const auth = await this.authTest();
      this.result = {
        botToken: this.botToken,
        ...(auth.user_id ? { botUserId: auth.user_id } : {}),
        ...(auth.bot_id ? { botId: auth.bot_id } : {}),
        ...(auth.team_id ? { teamId: auth.team_id } : {}),
      };
      this.onChange(this.state);
    } catch (error) {
      this.failure = `auth.test failed: ${error instanceof Error ? error.message : String(error)}`;
      this.onChange(this.state);
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.stopped || this.timer) return;
    const base = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.min(this.attempts - 1, 16));
    // Full jitter, so instances restarted together do not retry in step.
    const delay = base / 2 + Math.random() * (base / 2);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, delay);
    this.timer.unref();
  }
}
