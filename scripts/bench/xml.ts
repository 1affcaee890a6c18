// 3. Dellin XML: the project's encodeXml / decodeXml vs xml2js, with the JSON path (JSON.stringify / JSON.parse) as
// the floor, on the seed's request (RequestDeliveryInline) and response (RequestDeliveryResultXml).
import { isDeepStrictEqual } from 'node:util';
import { ok } from 'node:assert/strict';
import xml2js from 'xml2js';
import { loadBuilt } from './built.ts';
import { componentExample } from './fixtures.ts';
import { compare, formatNs, formatRatio, formatRatioSpread, formatSpread, type RunSettings, type Section, type Target, type Variant } from './stats.ts';

const OURS_ENCODE = 'encodeXml';
const OURS_DECODE = 'decodeXml';
const XML2JS_BUILD = 'xml2js Builder.buildObject';
const XML2JS_PARSE = 'xml2js parseStringPromise';
const JSON_STRINGIFY = 'JSON.stringify (floor)';
const JSON_PARSE = 'JSON.parse (floor)';

export async function xml(settings: RunSettings): Promise<Section> {
  const { decodeXml, encodeXml, xmlOperations, xmlShapes } = await loadBuilt();
  const operation = xmlOperations.requestDeliveryXml;
  const requestShape = xmlShapes[operation?.request ?? ''];
  const responseShape = xmlShapes[operation?.responses['200'] ?? ''];
  if (!requestShape || !responseShape) throw new Error('generated/dellin.xml.ts has no requestDeliveryXml shapes');
  const request = componentExample<Record<string, unknown>>('dellin', 'RequestDeliveryInline');
  const responseXml = componentExample<string>('dellin', 'RequestDeliveryResultXml');
  const responseObject = componentExample<Record<string, unknown>>('dellin', 'RequestDeliveryResult');
  const responseJson = JSON.stringify(responseObject);
  const context = { api: 'dellin', operation: 'requestDelivery', attempts: 1 };
  // Compact output, as encodeXml writes it (xml2js pretty-prints by default, which would only add bytes).
  const builder = new xml2js.Builder({ renderOpts: { pretty: false } });
  const parseOptions = { explicitArray: false };

  // Correctness first: the XML path must give what the JSON path gives.
  const decoded = decodeXml(responseXml, responseShape, context);
  const sameAsJson = isDeepStrictEqual(decoded, JSON.parse(responseJson));
  const roundTrip = isDeepStrictEqual(decodeXml(encodeXml(request, requestShape.root), requestShape, context), request);
  const theirs = (await xml2js.parseStringPromise(responseXml, parseOptions)) as { response?: { data?: { requestID?: unknown; foundAddresses?: unknown[] } } };
  ok(theirs.response?.data?.requestID === '3954004' && theirs.response.data.foundAddresses?.length === 3, 'xml2js reads the response');
  ok(builder.buildObject({ request }).includes('<docID>2000000000000</docID>'), 'xml2js writes the request');

  let sink: unknown;
  const encode: Variant[] = [
    { name: OURS_ENCODE, fn: () => (sink = encodeXml(request, requestShape.root)) },
    { name: XML2JS_BUILD, fn: () => (sink = builder.buildObject({ request })) },
    { name: JSON_STRINGIFY, fn: () => (sink = JSON.stringify(request)) },
  ];
  const decode: Variant[] = [
    { name: OURS_DECODE, fn: () => (sink = decodeXml(responseXml, responseShape, context)) },
    { name: XML2JS_PARSE, async: true, fn: async () => (sink = await xml2js.parseStringPromise(responseXml, parseOptions)) },
    { name: JSON_PARSE, fn: () => (sink = JSON.parse(responseJson)) },
  ];
  void sink;
  const options = settings.quick ? { rounds: 8, warmupRounds: 2, batchMs: 20 } : { rounds: 40, warmupRounds: 5, batchMs: 50 };
  settings.log(`xml: encode and decode, ${options.rounds} rounds`);
  const encoded = await compare(encode, options);
  const decodedResult = await compare(decode, options);

  const rows: string[][] = [];
  const targets: Target[] = [];
  for (const [what, result, variants, ours, theirsName] of [
    ['build the request', encoded, encode, OURS_ENCODE, XML2JS_BUILD],
    ['parse the response', decodedResult, decode, OURS_DECODE, XML2JS_PARSE],
  ] as const) {
    for (const variant of variants) {
      const r = result.results.get(variant.name);
      if (!r) continue;
      const ratio = variant.name === ours ? undefined : result.ratio(variant.name, ours);
      rows.push([what, variant.name, formatNs(r.median), formatSpread(r), ratio ? `${formatRatio(ratio.median)} (${formatRatioSpread(ratio)})` : '—']);
    }
    const ratio = result.ratio(theirsName, ours);
    targets.push({
      name: `${what}: xml2js ÷ ${ours}`,
      goal: '≥ 1.5×',
      actual: `${formatRatio(ratio.median)} (p25–p75 ${formatRatioSpread(ratio)})`,
      met: ratio.median >= 1.5,
      note: ratio.median >= 1.5 ? undefined : `short by ${((1 - ratio.median / 1.5) * 100).toFixed(0)} %`,
    });
  }
  targets.push({
    name: 'decodeXml(response XML) deep-equals the JSON response example',
    goal: 'equal',
    actual: sameAsJson ? 'equal' : 'different',
    met: sameAsJson,
  });
  targets.push({
    name: 'decodeXml(encodeXml(request)) deep-equals the request example',
    goal: 'equal',
    actual: roundTrip ? 'equal' : 'different',
    met: roundTrip,
  });
  return {
    title: '3. Dellin XML',
    method: [
      `Building the seed's request (\`RequestDeliveryInline\`, ${Buffer.byteLength(encodeXml(request, requestShape.root))} bytes as XML) and parsing the seed's response (\`RequestDeliveryResultXml\`, ${Buffer.byteLength(responseXml)} bytes) with the generated shapes (\`xmlShapes[xmlOperations.requestDeliveryXml.request]\` and \`.responses['200']\`).`,
      '`encodeXml` vs `new xml2js.Builder({ renderOpts: { pretty: false } }).buildObject({ request })` (compact like ours; the builder is made once) vs `JSON.stringify`. `decodeXml` (DTD check, `XMLValidator`, `XMLParser`, typing by the shape) vs `xml2js.parseStringPromise(xml, { explicitArray: false })` (untyped strings, no shape) vs `JSON.parse` of the JSON response example. Ratios are variant ÷ ours: above 1 means ours is faster.',
      `Typed like the JSON path: \`decodeXml(response)\` ${sameAsJson ? 'deep-equals' : 'does NOT deep-equal'} the JSON response example, and the request ${roundTrip ? 'survives' : 'does NOT survive'} encodeXml → decodeXml unchanged. xml2js's result is checked for \`requestID\` and the 3 \`foundAddresses\`, but stays untyped (\`"3954004"\`, a lone \`information\` as a string).`,
      `${options.rounds} timed rounds (+${options.warmupRounds} warm-up) of about ${options.batchMs} ms per variant, interleaved.`,
    ],
    tables: [{ columns: ['task', 'variant', 'median', 'p25 – p75', 'variant ÷ ours (p25–p75)'], rows }],
    targets,
    notes: [],
  };
}
