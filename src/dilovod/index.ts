export * from './client.ts';
export { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../core/index.ts';
