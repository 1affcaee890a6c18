export {
  apiPromise,
  createApiClient,
  type ApiClient,
  type ApiDefinition,
  type ApiPromise,
  type ClientOptions,
  type Decode,
  type FetchOptions,
  type FetchResult,
  type Operation,
  type RequestOptions,
  type WithResponse,
} from './client.ts';
export { ApiError, CoordinationError, DecodeError, EncodeError, InvalidResponseError, NetworkError, RedirectError, SdkError, TimeoutError, UsageError, type ApiErrorDetails, type ErrorContext } from './errors.ts';
export { LOG_ENV, type LogLevel } from './log.ts';
export { createRedactor, REDACTED, type Redactor } from './redact.ts';
export { defaultRetryPolicy, type RetryPolicy } from './retry.ts';
export type { Authenticate, FetchLike, LogEvent, Logger, Reauthenticate } from './transport.ts';
export { download, downloadedFile, filenameFromContentDisposition, safeFilename, toBlob, typeForFilename, type BinaryContent, type DownloadedFile } from './binary.ts';
export {
  createLocalCredentialStore,
  createLocalLock,
  DEFAULT_HOLD_ABANDONED_MS,
  type AccountLock,
  type CredentialStore,
  type LockHold,
  type StoredCredential,
} from './coordination.ts';
