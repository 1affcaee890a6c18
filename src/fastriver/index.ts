export * from './client.ts';
export { fastriverCallbackHandler, parseFastriverCallback, type CallbackListener, type CallbackReceiverOptions, type FastriverCallback, type KnownFastriverCallback, type OtherFastriverCallback } from './callback.ts';
export type { Flat, ResourceIdentifier } from './jsonapi.ts';
export { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError, type DownloadedFile } from '../core/index.ts';
