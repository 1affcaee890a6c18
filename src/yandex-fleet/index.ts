export * from './client.ts';
export { ApiError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../core/index.ts';
