// Red team 9: the mock host bundle cache (node_modules/.cache/delivery-mocks/host.mjs + host.inputs.json) as
// `npm run mocks` uses it. Every destructive case runs in a scratch copy under /tmp.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, watch, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, BUNDLE_DIR, removeScratch, replaceFile, scratchCopy, startMocks, type Mocks } from './rt9-helpers.ts';

const scratch: string[] = [];
const running: Mocks[] = [];
// A copy that reuses this tree's bundle writes its spec caches here (see the last test): put this tree back as it was.
const OWN_CACHE = join(ROOT, 'node_modules/.cache/delivery-mocks');
const ownCacheBefore = new Set(existsSync(OWN_CACHE) ? readdirSync(OWN_CACHE) : []);
afterAll(async () => {
  await Promise.all(running.map((m) => m.stop()));
  for (const s of scratch) removeScratch(s);
  if (existsSync(OWN_CACHE)) for (const f of readdirSync(OWN_CACHE)) if (!ownCacheBefore.has(f)) rmSync(join(OWN_CACHE, f), { force: true });
}, 180_000); // removing the scratch copies takes a while on a loaded machine
const copy = (withCache = false) => {
  const p = scratchCopy({ withCache });
  scratch.push(p);
  return p;
};
const run = async (...args: Parameters<typeof startMocks>) => {
  const m = await startMocks(...args);
  running.push(m);
  return m;
};

const A = { Authorization: 'Bearer qa' };
// A fault message the mock host writes (README: `0x10` ... is a 400 naming `delay`).
const delayTitle = async (m: Mocks) => {
  const r = await fetch(`${m.urls['tbank-delivery']}/api/v1/delivery/tasks/x`, { headers: { ...A, Prefer: 'delay=abc' } });
  return ((await r.json()) as { title: string }).title;
};
const FAULTS = 'mocks/faults.ts';
const ORIGINAL = 'delay must be a whole number';

describe('rt9 bundle cache', { timeout: 240_000 }, () => {
  it('a first start in a fresh copy builds the bundle; an edit to a mock source (new size) is served on the next start', async () => {
    const p = copy();
    let m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(existsSync(join(BUNDLE_DIR(p), 'host.mjs'))).toBe(true);
    expect(await delayTitle(m)).toContain(ORIGINAL);
    await m.stop();
    const file = join(p, FAULTS);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(ORIGINAL, 'DELAY-EDITED-LONGER must be a whole number'));
    m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(await delayTitle(m)).toContain('DELAY-EDITED-LONGER');
    await m.stop();
  });

  it('same-size edit with the mtime put back (touch -r, rsync -t, cp -p, tar x) is served on the next start', async () => {
    const p = copy(true);
    // make sure the bundle in the copy is built and fresh
    let m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    await m.stop();
    const file = join(p, FAULTS);
    execFileSync('cp', ['-p', file, `${file}.ref`]); // nanosecond mtime kept, as touch -r / rsync -t / tar keep it
    const text = readFileSync(file, 'utf8');
    const edited = text.replaceAll(ORIGINAL, 'DELAY MUST BE a whole number');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    execFileSync('touch', ['-r', `${file}.ref`, file]);
    rmSync(`${file}.ref`);
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    // the sources now say "DELAY MUST BE"; the stale bundle still says "delay must be"
    expect(await delayTitle(m)).toContain('DELAY MUST BE');
    await m.stop();
  });

  it('a copy of the checkout (cp -a, cache included) serves its OWN fixtures, not the original tree\'s', async () => {
    const p = copy(true);
    const pdf = Buffer.from('%PDF-1.4\n% rt9 replaced fixture\n%%EOF\n');
    replaceFile(join(p, 'mocks/fixtures/act.pdf'), pdf);
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    const T = m.urls['tbank-delivery'];
    const S = { 'X-Mock-Session': 'rt9-copy', 'content-type': 'application/json', ...A };
    const task = (await (await fetch(`${T}/api/v1/delivery/tasks`, { method: 'POST', headers: S, body: '{"template":"COURIER"}' })).json()) as { id: string };
    const form = new FormData();
    form.append('taskId', task.id);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'x.pdf');
    // The README: `GET /api/v1/delivery/documents/{id}` answers a real one-page PDF: the example document id.
    const seeded = await fetch(`${T}/api/v1/delivery/documents/3fa85f64-5717-4562-b3fc-2c963f66afa6`, { headers: { ...A, 'X-Mock-Session': 'rt9-copy' } });
    const ex = await fetch(`${T}/api/v1/delivery/documents/x`, { headers: { ...A, Prefer: 'code=200' } });
    const bytes = Buffer.from(await ex.arrayBuffer());
    void seeded.body?.cancel();
    expect(ex.status).toBe(200);
    // the copy's act.pdf, not /work/.../mocks/fixtures/act.pdf
    expect(bytes.toString('latin1')).toContain('rt9 replaced fixture');
    await m.stop();
  });

  it('a checkout moved to another folder (mv, cache included) still starts', async () => {
    const p = copy(false);
    let m = await run({ cwd: p }); // builds the bundle here
    expect(m.ready, m.err).toBe(true);
    await m.stop();
    const moved = resolve(p, '..', 'moved');
    renameSync(p, moved); // mv keeps every mtime: the manifest still matches
    scratch.push(moved);
    m = await run({ cwd: moved });
    expect(m.err).not.toMatch(/ENOENT/);
    expect(m.ready, m.err).toBe(true);
    await m.stop();
  });

  it('a truncated host.mjs (manifest intact, e.g. disk full or a killed copy) is rebuilt, not a permanent start-up failure', async () => {
    const p = copy(true);
    const bundle = join(BUNDLE_DIR(p), 'host.mjs');
    const half = readFileSync(bundle).subarray(0, 1_000_000);
    const st = statSync(bundle);
    replaceFile(bundle, half);
    utimesSync(bundle, st.atime, st.mtime);
    const m = await run({ cwd: p });
    expect(m.err + m.out).not.toMatch(/SyntaxError|Unexpected end of input/);
    expect(m.ready, m.err).toBe(true);
    await m.stop();
  });

  it('an empty host.mjs (0 bytes) is rebuilt', async () => {
    const p = copy(true);
    replaceFile(join(BUNDLE_DIR(p), 'host.mjs'), '');
    const m = await run({ cwd: p });
    expect(m.ready, m.err + m.out).toBe(true);
    expect(typeof (await delayTitle(m))).toBe('string');
    await m.stop();
  });

  it('a corrupt host.inputs.json is rebuilt', async () => {
    const p = copy(true);
    replaceFile(join(BUNDLE_DIR(p), 'host.inputs.json'), '{"builder": "esbu');
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(JSON.parse(readFileSync(join(BUNDLE_DIR(p), 'host.inputs.json'), 'utf8')).builder).toMatch(/esbuild/);
    await m.stop();
  });

  it('a cache folder that cannot be written (a file in its place) warns and starts from the sources', async () => {
    const p = copy(false);
    mkdirSync(join(p, 'node_modules/.cache'), { recursive: true });
    writeFileSync(join(p, 'node_modules/.cache/delivery-mocks'), 'not a folder');
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(m.err).toMatch(/could not be built/);
    expect(await delayTitle(m)).toContain(ORIGINAL);
    await m.stop();
  });

  it('two starts at once with a stale bundle both come up, and the next start reuses one consistent bundle', async () => {
    const p = copy(true);
    const file = join(p, FAULTS);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(ORIGINAL, 'RACE-EDIT must be a whole number'));
    const [a, b] = await Promise.all([run({ cwd: p }), run({ cwd: p })]);
    expect(a.ready, a.err).toBe(true);
    expect(b.ready, b.err).toBe(true);
    expect(await delayTitle(a)).toContain('RACE-EDIT');
    expect(await delayTitle(b)).toContain('RACE-EDIT');
    await Promise.all([a.stop(), b.stop()]);
    const c = await run({ cwd: p });
    expect(c.ready, c.err).toBe(true);
    expect(await delayTitle(c)).toContain('RACE-EDIT');
    await c.stop();
    // no temp files left behind
    expect(readdirSync(BUNDLE_DIR(p)).filter((f) => /host\.(mjs|inputs\.json)\.\d+$/.test(f))).toEqual([]);
  });

  it('an edit saved while the bundle is being built is served on the next start (not recorded as built)', async () => {
    const p = copy(false);
    const file = join(p, FAULTS);
    const cacheDir = BUNDLE_DIR(p);
    mkdirSync(join(p, 'node_modules/.cache'), { recursive: true });
    let edited = false;
    // The build starts right after the cache folder is made; esbuild reads mocks/*.ts in its first moments and the
    // bundle takes seconds more: save the edit then, as an editor's auto-save would.
    const watcher = watch(join(p, 'node_modules/.cache'), () => {
      if (edited || !existsSync(cacheDir)) return;
      edited = true;
      setTimeout(() => writeFileSync(file, readFileSync(file, 'utf8').replaceAll(ORIGINAL, 'MID-BUILD-EDIT must be a whole number')), 800);
    });
    let m = await run({ cwd: p });
    watcher.close();
    expect(edited).toBe(true);
    expect(m.ready, m.err).toBe(true);
    await m.stop();
    expect(readFileSync(file, 'utf8')).toContain('MID-BUILD-EDIT');
    m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(await delayTitle(m)).toContain('MID-BUILD-EDIT');
    await m.stop();
  });

  it('a bundled dependency file replaced in node_modules (new inode, new size) is served on the next start', async () => {
    const p = copy(true);
    const dep = join(p, 'node_modules/content-type/index.js');
    const src = readFileSync(dep, 'utf8');
    expect(src).toContain('invalid media type');
    replaceFile(dep, src.replaceAll('invalid media type', 'RT9 media type'));
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    // the guard says malformed itself; content-type's own message is checked via its throw path being bundled
    const r = await fetch(`${m.urls['tbank-delivery']}/api/v1/delivery/tasks`, { method: 'POST', headers: { ...A, 'content-type': 'a/b/c' }, body: '{}' });
    expect(r.status).toBe(400);
    const bundle = readFileSync(join(BUNDLE_DIR(p), 'host.mjs'), 'utf8');
    expect(bundle).toContain('RT9 media type');
    await m.stop();
  });

  it('package.json "imports" (#apis) re-pointed: the next start follows it', async () => {
    const p = copy(true);
    // a second apis module that is the first plus a marker export; #apis moved to it
    const apis = readFileSync(join(p, 'apis.ts'), 'utf8');
    writeFileSync(join(p, 'apis2.ts'), apis + "\nconsole.error('RT9 apis2 loaded');\n");
    const pkg = JSON.parse(readFileSync(join(p, 'package.json'), 'utf8'));
    pkg.imports['#apis'] = './apis2.ts';
    replaceFile(join(p, 'package.json'), JSON.stringify(pkg, null, 2));
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    // scripts/start.ts loads #apis from source (tsx) once; the bundled host must load it too: two lines
    expect(readFileSync(join(BUNDLE_DIR(p), 'host.mjs'), 'utf8')).toContain('RT9 apis2 loaded');
    expect(m.err.match(/RT9 apis2 loaded/g)?.length ?? 0).toBe(2);
    await m.stop();
  });
  const categories = async (m: Mocks) => {
    const r = await fetch(`${m.urls['yandex-fleet']}/v2/parks/transactions/categories/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ru', 'x-api-key': 'qa-key', 'x-client-id': 'taxi/park/p1' },
      body: '{"query":{"park":{"id":"p1"}}}',
    });
    return r.text();
  };

  it('a copy of the checkout (cp -a, cache included) serves its OWN specs', async () => {
    const p = copy(true);
    const spec = join(p, 'specs/yandex-fleet.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('name: Ручные списания', 'name: RT9 copy edit'));
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(await categories(m)).toContain('RT9 copy edit');
    await m.stop();
  });

  it('in one tree, a spec example and a fixture edited after the bundle was built are served on the next start', async () => {
    const p = copy(false);
    let m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    await m.stop();
    const spec = join(p, 'specs/yandex-fleet.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('name: Ручные списания', 'name: RT9 same-tree edit'));
    const jpg = Buffer.concat([readFileSync(join(p, 'mocks/fixtures/photo.jpg')), Buffer.from('RT9')]);
    replaceFile(join(p, 'mocks/fixtures/photo.jpg'), jpg);
    m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    expect(await categories(m)).toContain('RT9 same-tree edit');
    const photo = await fetch(`${m.urls.fastriver}/delivery_requests/3fa85f64-5717-4562-b3fc-2c963f66afa6/delivery_photos/p`, { headers: { Authorization: 'Bearer qa', 'X-API-VERSION': 'v2', Prefer: 'code=200' } });
    expect(Buffer.from(await photo.arrayBuffer()).equals(jpg)).toBe(true);
    await m.stop();
  });

  it('a copy (cache included) writes nothing into the original tree', async () => {
    const p = copy(true);
    const spec = join(p, 'specs/dilovod.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8') + '\n# rt9 ' + Date.now() + '\n');
    const origCache = OWN_CACHE;
    const before = new Set(readdirSync(origCache));
    const m = await run({ cwd: p });
    expect(m.ready, m.err).toBe(true);
    await m.stop();
    const added = readdirSync(origCache).filter((f) => !before.has(f));
    for (const f of added) rmSync(join(origCache, f), { force: true }); // leave the worktree as it was
    expect(added).toEqual([]);
  });
});

void rmSync;
