export * from './client.ts';
export * from './webhook.ts';
export { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../core/index.ts';
