export * from './client.ts';
export { decodeXml, encodeXml, readXmlText, type XmlShape } from './xml.ts';
export { ApiError, DecodeError, InvalidResponseError, NetworkError, SdkError, TimeoutError } from '../core/index.ts';
