export * from './client.ts';
export type { Flat, ResourceIdentifier } from './jsonapi.ts';
export { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError, type DownloadedFile } from '../core/index.ts';
