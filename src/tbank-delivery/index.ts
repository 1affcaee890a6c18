export * from './client.ts';
export { ApiError, InvalidResponseError, NetworkError, SdkError, TimeoutError, type DownloadedFile } from '../core/index.ts';
