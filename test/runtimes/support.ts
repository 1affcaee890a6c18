// What the runtime tests share: the flows (flows.ts) bundled once by esbuild for a non-Node runtime, and what every
// runtime's results must show (the same checks as for Node, so a runtime passes only by doing what Node does).
import { build } from 'esbuild';
import { expect } from 'vitest';
import { projectRoot } from '../../apis.ts';

/**
 * flows.ts with the main entries it imports, as one classic script for a browser (platform `browser`: a Node built-in
 * would fail the build). It defines `globalThis.flows` (`runFlows`, `flows`), so it also runs as a module (Deno, Bun)
 * and in an Edge Runtime VM.
 */
export async function bundleFlows(): Promise<string> {
  const result = await build({
    entryPoints: [`${projectRoot}/test/runtimes/flows.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'flows',
    footer: { js: 'globalThis.flows = flows;' },
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** What each API's flow must have seen, in any runtime. */
export function expectFlows(results: Record<string, unknown>): void {
  expect(Object.keys(results).sort()).toEqual(['dellin', 'dilovod', 'fastriver', 'tbank-delivery', 'yandex-fleet']);
  for (const [api, result] of Object.entries(results)) expect(result, api).not.toHaveProperty('failed');

  expect(results['tbank-delivery']).toMatchObject({
    task: expect.any(String),
    intervals: expect.any(Number),
    meeting: expect.any(String),
    uploaded: expect.any(String),
    download: { filename: 'акт.pdf', contentType: 'application/pdf', bytes: expect.any(Number), magic: '%PDF' },
    status: expect.any(String),
    refused: { name: 'ApiError', status: 400, code: 'VALIDATION_ERROR', apiMessage: expect.stringContaining('contacts.0.phones.0.number') },
  });

  expect(results.fastriver).toMatchObject({
    created: [expect.any(String), expect.any(String)],
    intervals: expect.any(Number),
    document: expect.any(String),
    status: expect.any(String),
    listed: [expect.any(Number), expect.any(Number)],
    refused: { name: 'ApiError', status: 422, code: 'validation_errors', apiMessage: expect.stringContaining('time_interval_id') },
    callback: ['schedule', 'validated'],
  });

  expect(results.dilovod).toMatchObject({
    document: expect.any(String),
    saved: expect.stringMatching(/^\d{16}$/),
    goods: expect.any(Number),
    stock: [expect.any(Number), ['firm', 'good', 'qty', 'amount']],
    created: { header: { remarkFromPerson: 'call me please' } },
    // Dilovod reports a refused packet inside HTTP 200, as the real gateway does.
    refused: { name: 'DilovodApiError', status: 200, apiMessage: expect.stringContaining('packet.params.filters.0.operator') },
    webhook: { objectName: 'documents.saleOrder', id: '1109100000001038' },
  });

  for (const format of ['json', 'xml']) {
    expect((results.dellin as Record<string, unknown>)[format], `dellin ${format}`).toMatchObject({
      request: [expect.any(Number), 'success'],
      dates: expect.any(Number),
      refused: { name: 'DellinApiError', status: 400, code: '110000', apiMessage: expect.stringContaining('docID') },
    });
  }

  expect(results['yandex-fleet']).toMatchObject({
    categories: expect.arrayContaining([expect.any(String)]),
    created: expect.any(String),
    status: expect.any(String),
    refused: { name: 'ApiError', status: 400, code: 'invalid_request', apiMessage: expect.stringContaining('amount') },
  });
}
