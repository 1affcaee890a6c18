// 7. Growth: how the cost of every encoder and decoder grows with its input, from 200 KB to 20 MB. Each is timed at
// log-spaced sizes and the growth exponent is the slope of log(time) against log(size) (least squares): 1 is linear, 2
// quadratic. Issue 13: encodeXml cost about 7× more per byte at 2.4 MB than at 230 KB.
import { loadBuilt } from './built.ts';
import { formatNs, type RunSettings, type Section, type Target } from './stats.ts';

/**
 * Above this the growth is called worse than linear. A cost quadratic in any part of the input fits ≥ 1.5 over this
 * range; a linear one fits 1 plus what the memory hierarchy adds (inputs of 200 KB stay in cache, 20 MB do not) and
 * the noise of a shared machine, together up to about 0.2.
 */
const MAX_EXPONENT = 1.25;
const KB = 1000;

interface Subject {
  name: string;
  /** Makes an input of about `bytes` bytes (its size as measured is returned with it) and the call to time on it. */
  make(bytes: number): { size: number; run: () => unknown };
}

/** Least-squares slope of y against x. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
}

export async function growth(settings: RunSettings): Promise<Section> {
  const { encodeXml, decodeXml, readXmlText, flatten, parseFastriverCallback, parseDilovodWebhook, rowsOf } = await loadBuilt();
  const shape = { root: 'request', arrays: ['request.items', 'request.items.phones'], numbers: ['request.items.n', 'request.items.weight'], integers: ['request.items.n'], booleans: ['request.items.ok'] };
  const context = { api: 'bench', operation: 'growth', attempts: 0 };
  const item = (i: number) => ({ n: i, name: `Получатель ${i} & Ко`, weight: i / 7, ok: i % 2 === 0, phones: ['+79001112233', '+79004445566'], address: { city: 'Москва', street: 'ул. Тверская', house: String(i) } });
  const ITEM_XML = Buffer.byteLength(encodeXml({ items: [item(1000)] }, 'request'));
  const items = (bytes: number) => ({ items: Array.from({ length: Math.max(1, Math.round(bytes / ITEM_XML)) }, (_, i) => item(i)) });
  const resource = (i: number) => ({ id: String(i), type: 'delivery_request', attributes: { status: 'validated', external_id: `R-${i}`, address: 'ул Сезам, д 75А' }, relationships: { active_delivery: { data: { id: `d${i}`, type: 'delivery' } } } });
  const delivery = (i: number) => ({ id: `d${i}`, type: 'delivery', attributes: { status: 'scheduled' }, relationships: { delivery_request: { data: { id: String(i), type: 'delivery_request' } } } });
  const RESOURCE_JSON = JSON.stringify([resource(1000), delivery(1000)]).length;
  const documentText = (bytes: number) => {
    const count = Math.max(1, Math.round(bytes / RESOURCE_JSON));
    return JSON.stringify({ data: Array.from({ length: count }, (_, i) => resource(i)), included: Array.from({ length: count }, (_, i) => delivery(i)) });
  };

  const subjects: Subject[] = [
    {
      name: 'encodeXml',
      make: (bytes) => {
        const value = items(bytes);
        return { size: Buffer.byteLength(encodeXml(value, 'request')), run: () => encodeXml(value, 'request') };
      },
    },
    {
      name: 'decodeXml',
      make: (bytes) => {
        const xml = encodeXml(items(bytes), 'request');
        return { size: Buffer.byteLength(xml), run: () => decodeXml(xml, shape, context) };
      },
    },
    {
      name: 'readXmlText (bytes → text, declared encoding)',
      make: (bytes) => {
        const body = new TextEncoder().encode(encodeXml(items(bytes), 'request'));
        return { size: body.length, run: () => readXmlText(body, 'application/xml; charset=utf-8', context) };
      },
    },
    {
      name: 'flatten (JSON:API)',
      make: (bytes) => {
        const text = documentText(bytes);
        // flatten consumes its document: each run gets a fresh one, parsed outside the timing.
        let next = JSON.parse(text) as Parameters<typeof flatten>[0];
        return {
          size: text.length,
          run: () => {
            const result = flatten(next);
            next = JSON.parse(text) as Parameters<typeof flatten>[0];
            return result;
          },
        };
      },
    },
    {
      name: 'parseFastriverCallback',
      make: (bytes) => {
        const { data, included } = JSON.parse(documentText(bytes)) as { data: unknown[]; included: unknown[] };
        const text = JSON.stringify({ data: { id: '1', type: 'external_callback', attributes: { event: 'schedule' } }, included: [...data, ...included] });
        return { size: text.length, run: () => parseFastriverCallback(text) };
      },
    },
    {
      name: 'parseDilovodWebhook',
      make: (bytes) => {
        const packet = JSON.stringify({ action: 'objectChanged', params: { objectName: 'documents.saleOrder', id: '1109100000001038', note: 'Ж'.repeat(Math.round(bytes / 18)) } });
        const url = `/hook?packet=${encodeURIComponent(packet)}`;
        return { size: url.length, run: () => parseDilovodWebhook(url, { remoteAddress: '88.198.50.253' }) };
      },
    },
    {
      name: 'rowsOf ({columns, data})',
      make: (bytes) => {
        const row = ['1100300000001001', 'Товар', 2, 150.5, true];
        const count = Math.max(1, Math.round(bytes / JSON.stringify(row).length));
        const table = { columns: ['id', 'name', 'qty', 'price', 'active'], data: Array.from({ length: count }, () => row) };
        return { size: JSON.stringify(table).length, run: () => rowsOf(table) };
      },
    },
  ];

  // Log-spaced sizes; the quick run stops at 2 MB. The smaller sizes take the best of a few runs (less noise where a
  // run is short), the largest one run each: the whole comparison costs a few seconds per subject.
  const sizes = settings.quick ? [200 * KB, 630 * KB, 2000 * KB] : [200 * KB, 630 * KB, 2000 * KB, 6300 * KB, 20_000 * KB];
  const rows: string[][] = [];
  const targets: Target[] = [];
  for (const subject of subjects) {
    const points: Array<[number, number]> = [];
    const perByte: string[] = [];
    for (const bytes of sizes) {
      const { size, run } = subject.make(bytes);
      run(); // warm-up, and the check that it runs at all
      // CPU time of this process (garbage collection included), steadier than wall time on a machine shared with others.
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < (bytes <= 2000 * KB ? 5 : 1); round++) {
        const start = process.cpuUsage();
        run();
        const { user, system } = process.cpuUsage(start);
        best = Math.min(best, (user + system) * 1000);
      }
      points.push([Math.log(size), Math.log(best)]);
      perByte.push(`${formatNs(best / size)}/B`);
    }
    const exponent = slope(points);
    settings.log(`growth: ${subject.name} exponent ${exponent.toFixed(2)}`);
    rows.push([subject.name, ...perByte, exponent.toFixed(2)]);
    targets.push({ name: `${subject.name}: growth exponent`, goal: `≤ ${MAX_EXPONENT} (linear)`, actual: exponent.toFixed(2), met: exponent <= MAX_EXPONENT, note: exponent > MAX_EXPONENT ? 'cost grows faster than the input' : undefined });
  }
  return {
    title: '7. Growth with input size',
    method: [
      `Every encoder and decoder, compiled as \`npm run build\` compiles it, on inputs of ${sizes.map((bytes) => `${bytes / KB} KB`).join(', ')} (built from repeated realistic records: Dellin request items with Cyrillic text, JSON:API resources with a relationship each way, Dilovod rows). At each size the CPU time of one call (garbage collection included; the best of 5 up to 2 MB, one run above, after a warm-up run); the growth exponent is the least-squares slope of log(time) against log(size): 1 is linear, 2 quadratic.`,
    ],
    tables: [{ columns: ['function', ...sizes.map((bytes) => `per byte at ${bytes / KB} KB`), 'exponent'], rows }],
    targets,
    notes: [],
  };
}
