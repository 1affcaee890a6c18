// XML shapes are derived from the spec: arrays, numbers and booleans found through $ref, allOf/oneOf and nesting.
import { describe, expect, it } from 'vitest';
import { xmlShapes, type SpecDocument } from '../../scripts/xml-shapes.ts';

const spec: SpecDocument = {
  paths: {
    '/thing.xml': {
      post: {
        operationId: 'thingXml',
        requestBody: { content: { 'application/xml': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '200': { content: { 'application/xml': { schema: { $ref: '#/components/schemas/Answer' } } } }, '400': { $ref: '#/components/responses/Bad' } },
      },
    },
    '/thing.json': { post: { operationId: 'thing', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        xml: { name: 'request' },
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: {
          items: { type: 'array', items: { type: 'object', properties: { count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } },
          flag: { type: ['boolean', 'null'] },
          either: { type: ['string', 'number'] },
          choice: { oneOf: [{ type: 'object', properties: { weight: { type: 'number' } } }, { type: 'string' }] },
        },
      },
      Base: { properties: { appkey: { type: 'string' }, version: { type: 'integer' } } },
      Answer: { xml: { name: 'response' }, properties: { metadata: { properties: { status: { type: 'integer' } } } } },
    },
    responses: { Bad: { content: { 'application/xml': { schema: { properties: { errors: { type: 'array', items: { properties: { code: { type: 'integer' } } } } } } } } } },
  },
};

describe('xmlShapes', () => {
  it('finds every array, number, boolean, string and object path of the XML operations only', () => {
    expect(xmlShapes(spec)).toEqual({
      shapes: {
        Thing: {
          root: 'request',
          arrays: ['request.items', 'request.items.tags'],
          numbers: ['request.choice.weight', 'request.items.count', 'request.version'],
          integers: ['request.items.count', 'request.version'],
          booleans: ['request.flag'],
          strings: ['request.appkey', 'request.choice', 'request.items.tags'],
          objects: ['request', 'request.choice', 'request.items'],
        },
        Answer: { root: 'response', arrays: [], numbers: ['response.metadata.status'], integers: ['response.metadata.status'], booleans: [], strings: [], objects: ['response', 'response.metadata'] },
        response: { root: 'response', arrays: ['response.errors'], numbers: ['response.errors.code'], integers: ['response.errors.code'], booleans: [], strings: [], objects: ['response', 'response.errors'] },
      },
      operations: { thingXml: { path: '/thing.xml', request: 'Thing', responses: { '200': 'Answer', '400': 'response' } } },
    });
  });
});
