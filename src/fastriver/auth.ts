// Fastriver's token lifecycle: log in with login and password, refresh before `expires_at`, log in again after a 401.
// However many calls need a token at the same moment, only one login or refresh is in flight.
import type { components } from '../../generated/fastriver.ts';

export type AuthToken = components['schemas']['AuthToken'];

export type FastriverCredentials = { login: string; password: string } | { token: string };

export interface TokenSource {
  /** POST /authentications. */
  login(credentials: { login: string; password: string }): Promise<AuthToken>;
  /** GET /authentications with the current token. */
  refresh(token: string): Promise<AuthToken>;
}

export interface TokenKeeper {
  /** Sets `Authorization: Bearer …`, logging in or refreshing first when the token is missing or about to expire. */
  authenticate(request: Request): Promise<void>;
  /** After a 401: renews the token unless another call already did; true when the request should go again. */
  reauthenticate(request: Request): Promise<boolean>;
  /** Logs in now (or refreshes, when `refresh`), replacing the current token. */
  renew(refresh?: boolean): Promise<AuthToken>;
  /** Drops the token (after a logout). */
  forget(): void;
  /** The current token, for logout; undefined when there is none. */
  current(): string | undefined;
}

export interface TokenKeeperOptions {
  credentials: FastriverCredentials;
  source: TokenSource;
  /** Renew this long before `expires_at`. */
  refreshBeforeMs: number;
  now: () => number;
  /** Told of every new token, so it is masked in errors and logs. */
  onToken: (token: string) => void;
}

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { credentials, source, refreshBeforeMs, now, onToken } = options;
  let token: string | undefined = 'token' in credentials ? credentials.token : undefined;
  let expiresAtMs = Number.POSITIVE_INFINITY;
  let inFlight: Promise<AuthToken> | undefined;

  function renew(refresh = false): Promise<AuthToken> {
    if (!('login' in credentials)) return Promise.reject(new Error('a client made with a fixed token cannot log in: pass { login, password }'));
    inFlight ??= (async () => {
      const fresh = refresh && token !== undefined ? await source.refresh(token).catch(() => source.login(credentials)) : await source.login(credentials);
      onToken(fresh.token);
      token = fresh.token;
      // An expiry already past (a skewed clock, a mock replaying old examples) is not trusted: it would mean a login
      // before every call. The token is then used until the API answers 401, which renews it.
      expiresAtMs = fresh.expires_at * 1000 > now() ? fresh.expires_at * 1000 : Number.POSITIVE_INFINITY;
      return fresh;
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function valid(): Promise<string> {
    if (inFlight) return (await inFlight).token;
    if (token !== undefined && now() < expiresAtMs - refreshBeforeMs) return token;
    if (!('login' in credentials)) {
      if (token === undefined) throw new Error('this client has logged out; make a new one with a fresh token');
      return token;
    }
    // Still valid but close to expiry: refresh (falls back to a login); expired or none: log in.
    return (await renew(token !== undefined && now() < expiresAtMs)).token;
  }

  return {
    async authenticate(request) {
      request.headers.set('Authorization', `Bearer ${await valid()}`);
    },
    async reauthenticate(request) {
      if (!('login' in credentials)) return false;
      if (inFlight) {
        await inFlight;
        return true;
      }
      const used = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (token !== undefined && used !== token) return true; // another call has renewed it meanwhile
      await renew();
      return true;
    },
    renew,
    forget() {
      token = undefined;
      expiresAtMs = Number.POSITIVE_INFINITY;
    },
    current: () => token,
  };
}
