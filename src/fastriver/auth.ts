// Fastriver's token lifecycle: log in with login and password, refresh before `expires_at`, log in again after a 401.
// However many calls need a token at the same moment, only one login or refresh is in flight; with a shared store
// (Redis), only one across every process of the account.
import { createLocalCredentialStore, type CredentialStore, type StoredCredential } from '../core/coordination.ts';
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
  /** Drops the token (after a logout), from the shared store too. */
  forget(): Promise<void>;
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
  /** Where the token lives, shared by every client (and process, with Redis) of the account. Default: this client's. */
  store?: CredentialStore;
}

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { credentials, source, refreshBeforeMs, now, onToken } = options;
  const store = options.store ?? createLocalCredentialStore();
  // The token this client last used; the store is asked again only when it is missing, expiring, or refused.
  let cached: StoredCredential | undefined = 'token' in credentials ? { value: credentials.token } : undefined;
  let pending: Promise<{ stored: StoredCredential; answer?: AuthToken }> | undefined;

  const adopt = (stored: StoredCredential) => {
    onToken(stored.value);
    cached = stored;
    return stored;
  };
  // An expiry already past (a skewed clock, a mock replaying old examples) is not trusted: it would mean a login
  // before every call. The token is then used until the API answers 401, which renews it.
  const toStored = (answer: AuthToken): StoredCredential =>
    answer.expires_at * 1000 > now() ? { value: answer.token, expiresAtMs: answer.expires_at * 1000 } : { value: answer.token };
  const expiresAt = (stored: StoredCredential) => stored.expiresAtMs ?? Number.POSITIVE_INFINITY;

  /** Replaces `stale` in the store: by a refresh (falling back to a login) or a login, unless another holder already did. */
  function replace(stale: string | undefined, refresh: boolean) {
    if (!('login' in credentials)) return Promise.reject(new Error('a client made with a fixed token cannot log in: pass { login, password }'));
    pending ??= (async () => {
      let answer: AuthToken | undefined;
      const stored = await store.renew(stale, async () => {
        answer = refresh && stale !== undefined ? await source.refresh(stale).catch(() => source.login(credentials)) : await source.login(credentials);
        onToken(answer.token);
        return toStored(answer);
      });
      return { stored: adopt(stored), answer };
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  async function valid(): Promise<string> {
    if (pending) return (await pending).stored.value;
    if (cached === undefined && 'login' in credentials) {
      const shared = await store.get();
      if (shared) adopt(shared);
    }
    if (cached !== undefined && now() < expiresAt(cached) - refreshBeforeMs) return cached.value;
    if (!('login' in credentials)) {
      if (cached === undefined) throw new Error('this client has logged out; make a new one with a fresh token');
      return cached.value;
    }
    // Still valid but close to expiry: refresh (falls back to a login); expired or none: log in.
    return (await replace(cached?.value, cached !== undefined && now() < expiresAt(cached))).stored.value;
  }

  return {
    async authenticate(request) {
      request.headers.set('Authorization', `Bearer ${await valid()}`);
    },
    async reauthenticate(request) {
      if (!('login' in credentials)) return false;
      if (pending) {
        await pending;
        return true;
      }
      const used = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (cached !== undefined && used !== cached.value) return true; // another call has renewed it meanwhile
      await replace(used, false);
      return true;
    },
    async renew(refresh = false) {
      const { stored, answer } = await replace(cached?.value, refresh);
      return answer ?? { token: stored.value, expires_at: Math.floor(expiresAt(stored) / 1000) };
    },
    async forget() {
      const token = cached?.value;
      cached = undefined;
      if (token !== undefined && 'login' in credentials) await store.clear(token);
    },
    current: () => cached?.value,
  };
}
