// 2. JSON:API flattening: the project's `flatten` vs jsona and kitsu-core on Fastriver-shaped list documents.
import { deepStrictEqual, ok } from 'node:assert/strict';
import { Jsona } from 'jsona';
import * as kitsuCore from 'kitsu-core';
import { loadBuilt } from './built.ts';
import { componentExample } from './fixtures.ts';
import { compare, formatNs, formatRatio, formatRatioSpread, formatSpread, type RunSettings, type Section, type Table, type Target, type Variant } from './stats.ts';

interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { id: string; type: string } | Array<{ id: string; type: string }> | null }>;
}
interface Document {
  data: Resource[];
  included: Resource[];
  meta: Record<string, unknown>;
}

/** How many distinct time intervals the documents share (Fastriver's intervals are a small catalogue). */
const INTERVALS = 6;

/**
 * A list of `count` delivery_request resources, attributes as in the spec's `DeliveryRequestExecuted` example, each with
 * active_delivery, deliveries (2) and time_interval; the deliveries (each with its own time_interval) and the intervals
 * in `included`. Ids are strings, as JSON:API says (the spec's example mixes `2` and `"2"`, which only `flatten`
 * treats as one id).
 */
export function fastriverDocument(count: number): Document {
  const example = componentExample<{ data: Resource; included: Resource[] }>('fastriver', 'DeliveryRequestExecuted');
  const requestAttributes = example.data.attributes;
  const [scheduled, failed] = example.included.filter((resource) => resource.type === 'delivery');
  const intervals = example.included.filter((resource) => resource.type === 'time_interval');
  if (!scheduled || !failed || intervals.length === 0) throw new Error('the DeliveryRequestExecuted example changed shape');
  const interval = (n: number) => ({ id: String(n + 1), type: 'time_interval' });
  const included: Resource[] = [];
  for (let n = 0; n < INTERVALS; n++) {
    const template = intervals[n % intervals.length] as Resource;
    included.push({ id: String(n + 1), type: 'time_interval', attributes: { ...template.attributes, id: n + 1 } });
  }
  const data: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const active = { id: `${uuid}-d0`, type: 'delivery' };
    const archived = { id: `${uuid}-d1`, type: 'delivery' };
    data.push({
      id: uuid,
      type: 'delivery_request',
      attributes: { ...structuredClone(requestAttributes), uuid, external_id: `PS${i}` },
      relationships: {
        active_delivery: { data: active },
        deliveries: { data: [active, archived] },
        time_interval: { data: interval(i % INTERVALS) },
      },
    });
    included.push(
      { ...active, attributes: structuredClone(scheduled.attributes), relationships: { time_interval: { data: interval((i + 1) % INTERVALS) } } },
      { ...archived, attributes: structuredClone(failed.attributes), relationships: { time_interval: { data: interval((i + 2) % INTERVALS) } } },
    );
  }
  return { data, included, meta: { total: count } };
}

/** What every library's output must agree on, read each library's way. */
interface View {
  id: unknown;
  status: unknown;
  interval: unknown;
  active: unknown;
  deliveries: Array<{ id: unknown; status: unknown; interval: unknown }>;
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function view(records: Loose[], unwrap: (relationship: Loose | undefined) => Loose | Loose[] | undefined): View[] {
  return records.map((record) => {
    const deliveries = (unwrap(record.deliveries) ?? []) as Loose[];
    const active = unwrap(record.active_delivery) as Loose | undefined;
    return {
      id: record.id,
      status: record.status,
      interval: (unwrap(record.time_interval) as Loose | undefined)?.code,
      active: active?.status,
      deliveries: deliveries.map((delivery) => ({ id: delivery.id, status: delivery.status, interval: (unwrap(delivery.time_interval) as Loose | undefined)?.code })),
    };
  });
}

// kitsu-core's published types re-export without file extensions, which NodeNext cannot follow: typed here.
const { deserialise } = kitsuCore as unknown as { deserialise: (document: unknown) => { data: unknown } };

const direct = (relationship: Loose | undefined) => relationship;
const kitsuData = (relationship: Loose | undefined) => relationship?.data as Loose | Loose[] | undefined;

export async function jsonApi(settings: RunSettings): Promise<Section> {
  const { flatten } = await loadBuilt();
  const sizes = [20, 1000];
  const jsona = new Jsona();
  const tables: Table[] = [];
  const targets: Target[] = [];
  const perRecord = new Map<number, number>();
  const rows: string[][] = [];
  for (const size of sizes) {
    const text = JSON.stringify(fastriverDocument(size));
    // Every library gets fresh documents, parsed before each batch and outside the timing: kitsu-core changes its
    // input in place, and a client flattens a document it has just parsed, not one it has flattened before.
    const fresh = (): { copies: Document[]; setup: (n: number) => void } => {
      const state = { copies: [] as Document[], setup: (n: number) => void 0 as void };
      state.setup = (n: number) => {
        state.copies = Array.from({ length: n }, () => JSON.parse(text) as Document);
      };
      return state;
    };
    const ours = fresh();
    const theirs = fresh();
    const kitsu = fresh();
    let sink: unknown;
    const variants: Variant[] = [
      { name: 'flatten', setup: ours.setup, fn: (i) => (sink = flatten(ours.copies[i] as Document).data) },
      { name: 'jsona', setup: theirs.setup, fn: (i) => (sink = jsona.deserialize(theirs.copies[i] as never)) },
      { name: 'kitsu-core', setup: kitsu.setup, fn: (i) => (sink = deserialise(kitsu.copies[i] as never).data) },
    ];
    void sink;

    // Same answers from all three, on every record, so no one measures a no-op.
    const expected = view(flatten<Loose[]>(JSON.parse(text) as Document).data, direct);
    ok(expected.length === size && expected.every((record) => record.active === 'scheduled' && record.deliveries[1]?.status === 'failed' && typeof record.interval === 'string'));
    deepStrictEqual(view(jsona.deserialize(JSON.parse(text)) as Loose[], direct), expected, 'jsona resolves the same');
    deepStrictEqual(view((deserialise(JSON.parse(text)) as { data: Loose[] }).data, kitsuData), expected, 'kitsu-core resolves the same');

    const options = settings.quick
      ? { rounds: 5, warmupRounds: 1, batchMs: 20, maxIterations: size > 100 ? 5 : 200 }
      : { rounds: 25, warmupRounds: 3, batchMs: 60, maxIterations: size > 100 ? 20 : 600 };
    settings.log(`jsonapi: ${size} records (${(text.length / 1024).toFixed(0)} KiB of JSON), ${options.rounds} rounds`);
    const result = await compare(variants, options);
    for (const variant of variants) {
      const r = result.results.get(variant.name);
      if (!r) continue;
      if (variant.name === 'flatten') perRecord.set(size, r.median / size);
      const ratio = variant.name === 'flatten' ? undefined : result.ratio(variant.name, 'flatten');
      rows.push([
        String(size),
        variant.name,
        formatNs(r.median),
        formatSpread(r),
        formatNs(r.median / size),
        ratio ? `${formatRatio(ratio.median)} (${formatRatioSpread(ratio)})` : '—',
      ]);
    }
    const vsJsona = result.ratio('jsona', 'flatten');
    targets.push({
      name: `${size} records: jsona ÷ flatten`,
      goal: '≥ 3×',
      actual: `${formatRatio(vsJsona.median)} (p25–p75 ${formatRatioSpread(vsJsona)})`,
      met: vsJsona.median >= 3,
      note: vsJsona.median >= 3 ? undefined : `short by ${((1 - vsJsona.median / 3) * 100).toFixed(0)} %`,
    });
  }
  tables.push({ columns: ['records', 'library', 'median', 'p25 – p75', 'per record', 'library ÷ flatten (p25–p75)'], rows });
  const small = perRecord.get(20) ?? Number.NaN;
  const large = perRecord.get(1000) ?? Number.NaN;
  const growth = large / small;
  targets.push({
    name: 'flatten grows linearly: ns per record at 1,000 ÷ at 20',
    goal: '≤ 1.5× (linear)',
    actual: `${formatRatio(growth)} (${formatNs(small)} → ${formatNs(large)} per record)`,
    met: growth <= 1.5,
    note: growth <= 1.5 ? undefined : 'per-record cost rises with size: more than cache effects',
  });
  return {
    title: '2. JSON:API flattening',
    method: [
      'Fastriver-shaped list documents: `delivery_request` resources with the attributes of the spec\'s `DeliveryRequestExecuted` example, each with `active_delivery`, `deliveries` (2) and `time_interval` relationships; the 2 deliveries per request (each with its own `time_interval` relationship) and 6 shared time intervals in `included`.',
      '`flatten` (src/fastriver/jsonapi.ts) vs `new Jsona().deserialize(doc)` (jsona 1.14.0, one instance reused) vs `deserialise(doc)` (kitsu-core 11.1.0). Before timing, all three are checked to resolve the same status, active delivery, both deliveries and their time intervals on every record.',
      'Each batch works on fresh documents from `JSON.parse`, made before the batch and outside the timing (kitsu-core mutates its input; a client flattens a document it has just parsed). Ratios are library ÷ flatten: above 1 means flatten is faster.',
    ],
    tables,
    targets,
    notes: [
      'kitsu-core looks up every relationship with a linear scan of `included` (`filterIncludes`) and re-finds each record with `indexOf`, so its cost per record grows with the size of the document; jsona and flatten index by type and id.',
    ],
  };
}
