// 1. Call overhead: each API's wrapper method vs bare openapi-fetch (same generated types, same request) vs raw fetch
// with the same parsing, against a local keep-alive node:http server (its own process) answering the specs' examples.
import { spawn, type ChildProcess } from 'node:child_process';
import { deepStrictEqual, ok } from 'node:assert/strict';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import createClient from 'openapi-fetch';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { projectRoot } from '#apis';
import type { RequestDeliveryInput } from '../../src/dellin/index.ts';
import type { paths as YandexFleetPaths } from '../../generated/yandex-fleet.ts';
import type { paths as TbankPaths } from '../../generated/tbank-delivery.ts';
import type { paths as FastriverPaths } from '../../generated/fastriver.ts';
import type { paths as DellinPaths } from '../../generated/dellin.ts';
import type { paths as DilovodPaths } from '../../generated/dilovod.ts';
import { loadBuilt } from './built.ts';
import { callFixtures } from './fixtures.ts';
import { compare, formatNs, formatRatio, formatRatioSpread, formatSpread, type RunSettings, type Section, type Table, type Target, type Variant } from './stats.ts';

const WRAPPER = 'wrapper';
const OPENAPI_FETCH = 'openapi-fetch';
const RAW = 'raw fetch';
/** What hand-written code that should not hang forever looks like: the idiomatic one-line timeout. */
const RAW_TIMEOUT = 'raw fetch + AbortSignal.timeout';

interface Group {
  api: string;
  /** The wrapper method timed. */
  method: string;
  variants: Variant[];
  /** [wrapper variant, baseline variant, goal] pairs judged against the targets. */
  judged: Array<[string, string, number]>;
  /** Pairs shown for information only. */
  shown: Array<[string, string]>;
}

async function startServerProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts/bench/server.ts')], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once('exit', (code) => reject(new Error(`canned server exited with ${code}`)));
    lines.once('line', (line) => resolveUrl(line.trim()));
  });
  return { url, child };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

function groups(baseUrl: string, built: Awaited<ReturnType<typeof loadBuilt>>): Group[] {
  const { createYandexFleetClient, createTbankDeliveryClient, createFastriverClient, flatten, createDellinClient, decodeXml, encodeXml, xmlOperations, xmlShapes, createDilovodClient } = built;
  const f = callFixtures();
  let sink: unknown;
  const keep = (value: unknown) => {
    sink = value;
    return value;
  };
  void sink;
  const timeout = (init: RequestInit = {}): RequestInit => ({ ...init, signal: AbortSignal.timeout(30_000) });
  const jsonOf = async (response: Response): Promise<unknown> => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return JSON.parse(await response.text());
  };

  // ---- Yandex Fleet: listTransactionCategories (POST JSON) ----
  const yfKey = 'bench-key';
  const yfClientId = 'taxi/park/ee6f33c4562b4e1f8646d157bd70b2c4';
  const yfBody = f.yandexFleet.request as { query: { park: { id: string } } };
  const yf = createYandexFleetClient({ apiKey: yfKey, clientId: yfClientId, language: 'ru', baseUrl });
  const yfBare = createClient<YandexFleetPaths>({ baseUrl, headers: { 'Accept-Language': 'ru', 'X-API-Key': yfKey, 'X-Client-ID': yfClientId } });
  const yfUrl = `${baseUrl}/v2/parks/transactions/categories/list`;
  const yfHeaders = { 'Content-Type': 'application/json', 'Accept-Language': 'ru', 'X-API-Key': yfKey, 'X-Client-ID': yfClientId };

  // ---- T-Bank: getTask (GET) ----
  const tbToken = 'bench-token';
  const tb = createTbankDeliveryClient({ token: tbToken, baseUrl });
  const tbBare = createClient<TbankPaths>({ baseUrl, headers: { Authorization: `Bearer ${tbToken}` } });
  const tbUrl = `${baseUrl}/api/v1/delivery/tasks/${f.tbank.id}`;

  // ---- Fastriver: deliveryRequests.get (GET JSON:API, flattened by the wrapper) ----
  const frToken = 'bench-token';
  const fr = createFastriverClient({ token: frToken }, { baseUrl });
  const frBare = createClient<FastriverPaths>({ baseUrl, headers: { Authorization: `Bearer ${frToken}` } });
  const frUrl = `${baseUrl}/delivery_requests/${f.fastriver.uuid}`;
  const frGet = () => frBare.GET('/delivery_requests/{uuid}', { params: { path: { uuid: f.fastriver.uuid } } });

  // ---- Dellin: requestDelivery, JSON and XML ----
  const { appkey, sessionID, ...dlInput } = f.dellin.request as { appkey: string; sessionID: string } & Record<string, unknown>;
  const dlBody = f.dellin.request;
  const dlJson = createDellinClient({ appkey, sessionID, format: 'json', baseUrl });
  const dlXml = createDellinClient({ appkey, sessionID, format: 'xml', baseUrl });
  const dlBare = createClient<DellinPaths>({ baseUrl });
  const xmlBuilder = new XMLBuilder({ format: false, suppressEmptyNode: false });
  const xmlParser = new XMLParser({ ignoreDeclaration: true });
  const xmlRequest = (value: unknown) => `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build({ request: value }) as string}`;
  const requestShape = xmlShapes[xmlOperations.requestDeliveryXml?.request ?? ''];
  const responseShape = xmlShapes[xmlOperations.requestDeliveryXml?.responses['200'] ?? ''];
  if (!requestShape || !responseShape) throw new Error('generated/dellin.xml.ts has no requestDeliveryXml shapes');
  const context = { api: 'dellin', operation: 'requestDelivery', attempts: 1 };

  // ---- Dilovod: getObject (POST form packet) ----
  const dvKey = 'bench-key';
  const dv = createDilovodClient({ key: dvKey, baseUrl });
  const dvBare = createClient<DilovodPaths>({ baseUrl });
  const dvPacket = () => JSON.stringify({ version: '0.25', key: dvKey, action: 'getObject', params: { id: f.dilovod.id } });
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  const async = true;
  return [
    {
      api: 'yandex-fleet',
      method: 'listTransactionCategories',
      variants: [
        { name: WRAPPER, async, fn: async () => keep(await yf.listTransactionCategories(yfBody)) },
        { name: OPENAPI_FETCH, async, fn: async () => keep((await yfBare.POST('/v2/parks/transactions/categories/list', { body: yfBody })).data) },
        { name: RAW, async, fn: async () => keep(await jsonOf(await fetch(yfUrl, { method: 'POST', headers: yfHeaders, body: JSON.stringify(yfBody) }))) },
        { name: RAW_TIMEOUT, async, fn: async () => keep(await jsonOf(await fetch(yfUrl, timeout({ method: 'POST', headers: yfHeaders, body: JSON.stringify(yfBody) })))) },
      ],
      judged: [[WRAPPER, OPENAPI_FETCH, 1.05], [WRAPPER, RAW, 1.1]],
      shown: [[WRAPPER, RAW_TIMEOUT]],
    },
    {
      api: 'tbank-delivery',
      method: 'getTask',
      variants: [
        { name: WRAPPER, async, fn: async () => keep(await tb.getTask(f.tbank.id)) },
        { name: OPENAPI_FETCH, async, fn: async () => keep((await tbBare.GET('/api/v1/delivery/tasks/{id}', { params: { path: { id: f.tbank.id } } })).data) },
        { name: RAW, async, fn: async () => keep(await jsonOf(await fetch(tbUrl, { headers: { Authorization: `Bearer ${tbToken}` } }))) },
        { name: RAW_TIMEOUT, async, fn: async () => keep(await jsonOf(await fetch(tbUrl, timeout({ headers: { Authorization: `Bearer ${tbToken}` } })))) },
      ],
      judged: [[WRAPPER, OPENAPI_FETCH, 1.05], [WRAPPER, RAW, 1.1]],
      shown: [[WRAPPER, RAW_TIMEOUT]],
    },
    {
      api: 'fastriver',
      method: 'deliveryRequests.get',
      variants: [
        { name: `${WRAPPER} (flattens)`, async, fn: async () => keep(await fr.deliveryRequests.get(f.fastriver.uuid)) },
        { name: OPENAPI_FETCH, async, fn: async () => keep((await frGet()).data) },
        { name: `${OPENAPI_FETCH} + flatten`, async, fn: async () => keep(flatten((await frGet()).data as Parameters<typeof flatten>[0]).data) },
        { name: RAW, async, fn: async () => keep(await jsonOf(await fetch(frUrl, { headers: { Authorization: `Bearer ${frToken}` } }))) },
        {
          name: `${RAW} + flatten`,
          async,
          fn: async () => keep(flatten((await jsonOf(await fetch(frUrl, { headers: { Authorization: `Bearer ${frToken}` } }))) as Parameters<typeof flatten>[0]).data),
        },
        {
          name: `${RAW_TIMEOUT} + flatten`,
          async,
          fn: async () => keep(flatten((await jsonOf(await fetch(frUrl, timeout({ headers: { Authorization: `Bearer ${frToken}` } })))) as Parameters<typeof flatten>[0]).data),
        },
      ],
      judged: [[`${WRAPPER} (flattens)`, `${OPENAPI_FETCH} + flatten`, 1.05], [`${WRAPPER} (flattens)`, `${RAW} + flatten`, 1.1]],
      shown: [[`${WRAPPER} (flattens)`, `${RAW_TIMEOUT} + flatten`], [`${WRAPPER} (flattens)`, OPENAPI_FETCH], [`${WRAPPER} (flattens)`, RAW]],
    },
    {
      api: 'dellin (json)',
      method: 'requestDelivery',
      variants: [
        { name: WRAPPER, async, fn: async () => keep(await dlJson.requestDelivery(dlInput as RequestDeliveryInput<'authorized'>)) },
        { name: OPENAPI_FETCH, async, fn: async () => keep((await dlBare.POST('/v2/request_delivery.json', { body: dlBody as never })).data) },
        {
          name: RAW,
          async,
          fn: async () => keep(await jsonOf(await fetch(`${baseUrl}/v2/request_delivery.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(dlBody) }))),
        },
        {
          name: RAW_TIMEOUT,
          async,
          fn: async () =>
            keep(await jsonOf(await fetch(`${baseUrl}/v2/request_delivery.json`, timeout({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(dlBody) })))),
        },
      ],
      judged: [[WRAPPER, OPENAPI_FETCH, 1.05], [WRAPPER, RAW, 1.1]],
      shown: [[WRAPPER, RAW_TIMEOUT]],
    },
    {
      api: 'dellin (xml)',
      method: 'requestDelivery',
      variants: [
        { name: WRAPPER, async, fn: async () => keep(await dlXml.requestDelivery(dlInput as RequestDeliveryInput<'authorized'>)) },
        {
          name: `${OPENAPI_FETCH} + fast-xml-parser`,
          async,
          fn: async () => {
            const { data } = await dlBare.POST('/v2/request_delivery.xml', {
              body: dlBody as never,
              bodySerializer: xmlRequest,
              headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' },
              parseAs: 'text',
            });
            return keep(xmlParser.parse(data as string));
          },
        },
        {
          name: `${RAW} + fast-xml-parser`,
          async,
          fn: async () => {
            const response = await fetch(`${baseUrl}/v2/request_delivery.xml`, { method: 'POST', headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' }, body: xmlRequest(dlBody) });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            return keep(xmlParser.parse(await response.text()));
          },
        },
        {
          name: `${RAW} + encodeXml/decodeXml`,
          async,
          fn: async () => {
            const response = await fetch(`${baseUrl}/v2/request_delivery.xml`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' },
              body: encodeXml(dlBody, requestShape.root),
            });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            return keep(decodeXml(await response.text(), responseShape, context));
          },
        },
      ],
      judged: [[WRAPPER, `${OPENAPI_FETCH} + fast-xml-parser`, 1.05], [WRAPPER, `${RAW} + fast-xml-parser`, 1.1]],
      shown: [[WRAPPER, `${RAW} + encodeXml/decodeXml`]],
    },
    {
      api: 'dilovod',
      method: 'getObject',
      variants: [
        { name: WRAPPER, async, fn: async () => keep(await dv.getObject(f.dilovod.id)) },
        {
          name: OPENAPI_FETCH,
          async,
          fn: async () =>
            keep(
              (
                await dvBare.POST('/', {
                  body: { packet: dvPacket() },
                  headers: form,
                  bodySerializer: (body) => new URLSearchParams(body).toString(),
                })
              ).data,
            ),
        },
        {
          name: RAW,
          async,
          fn: async () => keep(await jsonOf(await fetch(`${baseUrl}/`, { method: 'POST', headers: form, body: new URLSearchParams({ packet: dvPacket() }).toString() }))),
        },
        {
          name: RAW_TIMEOUT,
          async,
          fn: async () => keep(await jsonOf(await fetch(`${baseUrl}/`, timeout({ method: 'POST', headers: form, body: new URLSearchParams({ packet: dvPacket() }).toString() })))),
        },
      ],
      judged: [[WRAPPER, OPENAPI_FETCH, 1.05], [WRAPPER, RAW, 1.1]],
      shown: [[WRAPPER, RAW_TIMEOUT]],
    },
  ];
}

/** Each variant once, checked, so that nothing below measures an error path or a no-op. */
async function check(group: Group, fixtures: ReturnType<typeof callFixtures>): Promise<void> {
  for (const variant of group.variants) {
    const value = (await variant.fn(0)) as Record<string, unknown>;
    ok(value && typeof value === 'object', `${group.api} ${variant.name}: no body`);
    const where = `${group.api} ${variant.name}`;
    switch (group.api) {
      case 'yandex-fleet':
        deepStrictEqual(value, fixtures.yandexFleet.response, where);
        break;
      case 'tbank-delivery':
        deepStrictEqual(value, fixtures.tbank.response, where);
        break;
      case 'fastriver': {
        if (variant.name.includes('flatten')) {
          const flat = value as { status?: unknown; deliveries?: Array<{ status?: unknown; time_interval?: { code?: unknown } }> };
          ok(flat.status === 'executed', `${where}: status`);
          ok(flat.deliveries?.[0]?.status === 'scheduled' && flat.deliveries[0].time_interval?.code === 'day', `${where}: relationships resolved`);
        } else {
          deepStrictEqual(value, fixtures.fastriver.response, where);
        }
        break;
      }
      case 'dellin (json)':
        deepStrictEqual(value, fixtures.dellin.response, where);
        break;
      case 'dellin (xml)': {
        if (variant.name === WRAPPER || variant.name.includes('decodeXml')) deepStrictEqual(value, fixtures.dellin.response, where);
        else ok(String((value as { response?: { data?: { requestID?: unknown } } }).response?.data?.requestID) === '3954004', `${where}: requestID`);
        break;
      }
      case 'dilovod':
        deepStrictEqual(value, fixtures.dilovod.response, where);
        break;
    }
  }
}

export async function callOverhead(settings: RunSettings): Promise<Section> {
  const inProcess = process.env.BENCH_SERVER === 'inprocess';
  let url: string;
  let stop: () => Promise<void>;
  if (inProcess) {
    const { startCannedServer } = await import('./server.ts');
    const server = await startCannedServer();
    url = server.url;
    stop = server.close;
  } else {
    const server = await startServerProcess();
    url = server.url;
    stop = () => stopProcess(server.child);
  }
  const fixtures = callFixtures();
  const options = settings.quick ? { rounds: 6, warmupRounds: 1, batchMs: 40 } : { rounds: 30, warmupRounds: 3, batchMs: 120 };
  const tables: Table[] = [];
  const targets: Target[] = [];
  const summary: string[][] = [];
  try {
    const built = await loadBuilt();
    for (const group of groups(url, built)) {
      await check(group, fixtures);
      settings.log(`call overhead: ${group.api} ${group.method} (${group.variants.length} variants × ${options.rounds} rounds)`);
      const result = await compare(group.variants, options);
      const first = group.variants[0]?.name ?? WRAPPER;
      const rows = group.variants.map((variant) => {
        const r = result.results.get(variant.name);
        if (!r) throw new Error(`no result for ${variant.name}`);
        const ratio = variant.name === first ? '—' : result.ratio(first, variant.name);
        return [
          variant.name,
          formatNs(r.median),
          formatSpread(r),
          typeof ratio === 'string' ? ratio : `${formatRatio(ratio.median)} (${formatRatioSpread(ratio)})`,
          String(r.iterations),
        ];
      });
      tables.push({ heading: `${group.api}: \`${group.method}\``, columns: ['variant', 'median per call', 'p25 – p75', `${first} ÷ variant (p25–p75)`, 'calls per round'], rows });
      const summaryRow = [group.api, group.method];
      for (const [a, b, goal] of group.judged) {
        const ratio = result.ratio(a, b);
        const met = ratio.median <= goal;
        summaryRow.push(`${formatRatio(ratio.median)} vs ${b}`);
        targets.push({
          name: `${group.api} ${group.method}: ${a} ÷ ${b}`,
          goal: `≤ ${goal.toFixed(2)}×`,
          actual: `${formatRatio(ratio.median)} (p25–p75 ${formatRatioSpread(ratio)})`,
          met,
          note: met ? undefined : `over by ${((ratio.median / goal - 1) * 100).toFixed(1)} % (≈ ${formatNs((ratio.median - goal) * (result.results.get(b)?.median ?? 0))} per call above the goal, at the baseline's median)`,
        });
      }
      for (const [a, b] of group.shown) {
        const ratio = result.ratio(a, b);
        summaryRow.push(`(${formatRatio(ratio.median)} vs ${b}, for information)`);
      }
      summary.push(summaryRow);
    }
  } finally {
    await stop();
  }
  return {
    title: '1. Call overhead',
    method: [
      `One representative method per API against a local node:http server on 127.0.0.1 (keep-alive, ${inProcess ? 'in this process' : 'in a child process'}) that answers each request with the spec's first success example (Dellin XML: \`RequestDeliveryResultXml\`). The wrappers (and \`flatten\`, \`encodeXml\`/\`decodeXml\`) are built by tsup with the settings of \`npm run build\`, which is what an installed package runs (not the sources through tsx). Every client is built once, outside the timed loop; all variants share Node's global fetch (undici) and its keep-alive pool; calls are sequential (one in flight).`,
      '`openapi-fetch` is `createClient<paths>` over the same generated types, sending the same request (same headers, same body); `raw fetch` is `fetch` + `JSON.parse(await response.text())` (Dellin XML: fast-xml-parser `XMLBuilder`/`XMLParser`, default options). Neither has a timeout, which every wrapper call has (30 s per attempt by default); `raw fetch + AbortSignal.timeout` is the hand-written call that does, with the idiomatic `signal: AbortSignal.timeout(30_000)`, shown for information.',
      'Fastriver: the wrapper also flattens the JSON:API document (`flatten` from src/fastriver/jsonapi.ts), so the like-for-like baselines are `openapi-fetch + flatten` and `raw fetch + flatten`; the targets are judged on those. Its client is made with `{ token }` (no login).',
      'Dellin XML: the wrapper also validates the XML, types numbers from the spec\'s shapes (generated/dellin.xml.ts) and drops DTDs, which plain fast-xml-parser does not; `raw fetch + encodeXml/decodeXml` (the project\'s codec without the wrapper) is shown to separate codec cost from wrapper cost.',
      `${options.rounds} timed rounds (+${options.warmupRounds} warm-up) of about ${options.batchMs} ms per variant, variants interleaved in a rotating order; a ratio is the median of per-round ratios (wrapper ÷ baseline), p25–p75 beside it.`,
    ],
    tables: [{ heading: 'Summary (wrapper ÷ baseline, median of per-round ratios)', columns: ['API', 'method', 'ratios'], rows: summary.map((row) => [row[0] ?? '', row[1] ?? '', row.slice(2).join('; ')]) }, ...tables],
    targets,
    notes: [],
  };
}
