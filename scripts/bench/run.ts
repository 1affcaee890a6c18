// `npm run bench`: every comparison of issue 9, one after the other; prints the tables and writes BENCHMARKS.md.
//   npm run bench                        full run (writes BENCHMARKS.md)
//   npm run bench:quick                  few rounds, a smoke run (prints only; --out FILE to write it somewhere)
//   npm run bench -- --only=xml,bundle   some comparisons (call, jsonapi, xml, mock, bundle, import, lock)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { projectRoot } from '#apis';
import { bundleSize } from './bundle.ts';
import { callOverhead } from './call-overhead.ts';
import { importTime } from './import-time.ts';
import { jsonApi } from './jsonapi.ts';
import { mockHost } from './mock-host.ts';
import { sharedLock } from './shared-lock.ts';
import type { RunSettings, Section, Table } from './stats.ts';
import { xml } from './xml.ts';

const COMPARISONS: Record<string, (settings: RunSettings) => Promise<Section>> = {
  call: callOverhead,
  jsonapi: jsonApi,
  xml,
  mock: mockHost,
  bundle: bundleSize,
  import: importTime,
  lock: sharedLock,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',').filter(Boolean) : Object.keys(COMPARISONS);
const outIndex = args.indexOf('--out');
const outArg = args.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? (outIndex >= 0 ? args[outIndex + 1] : undefined);
for (const name of only) if (!(name in COMPARISONS)) throw new Error(`unknown comparison "${name}"; one of ${Object.keys(COMPARISONS).join(', ')}`);

// A full run of everything writes BENCHMARKS.md; a quick or partial run writes only where --out says.
const outFile = outArg ? resolve(process.cwd(), outArg) : !quick && !onlyArg ? resolve(projectRoot, 'BENCHMARKS.md') : undefined;
const command = `npm run bench${quick || args.length > 0 ? ` -- ${args.join(' ')}` : ''}`.replace('npm run bench -- --quick', 'npm run bench:quick').trim();

const settings: RunSettings = { quick, log: (line) => process.stderr.write(`[bench] ${line}\n`) };
const started = Date.now();
const loadAtStart = loadavg()[0] ?? 0;
const sections: Section[] = [];
for (const name of only) {
  const run = COMPARISONS[name];
  if (!run) continue;
  const t0 = Date.now();
  settings.log(`${name}: start`);
  const section = await run(settings);
  settings.log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  sections.push(section);
  printSection(section);
}
const elapsedS = (Date.now() - started) / 1000;

const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: availableParallelism(),
  memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  platform: `${process.platform} ${process.arch}`,
  // Other work on the machine shows here: with 2 cores, a 1-minute load above ~1 before the run means a noisy run.
  load: `${loadAtStart.toFixed(2)} at the start, ${(loadavg()[0] ?? 0).toFixed(2)} at the end (1-minute load average; this run itself adds ≈ 1–2)`,
};

const allTargets = sections.flatMap((section) => section.targets.map((target) => ({ section: section.title, ...target })));
console.log(`\n${allTargets.filter((t) => t.met).length} of ${allTargets.length} targets met; ${elapsedS.toFixed(0)} s in all.`);

if (outFile) {
  writeFileSync(outFile, markdown());
  settings.log(`wrote ${outFile}`);
}

function markdown(): string {
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (scripts/bench/). Re-run it to refresh this file; \`npm run bench:quick\` is a smoke run that prints`,
    'the same tables from a few rounds and writes nothing.',
    '',
    '| | |',
    '|---|---|',
    `| command | \`${command}\` |`,
    `| date | ${machine.date} |`,
    `| Node | ${machine.node} (${machine.platform}) |`,
    `| CPU | ${machine.cpu} |`,
    `| cores | ${machine.cores} |`,
    `| memory | ${machine.memory} |`,
    `| duration | ${elapsedS.toFixed(0)} s |`,
    `| load | ${machine.load} |`,
    '',
    'Every comparison runs its variants interleaved in the same process, in rounds whose order rotates, and reports the',
    'median over rounds with the p25–p75 spread of the per-round values; a ratio is the median of the per-round ratios.',
    "The project's code is timed as an installed package runs it: built by tsup with the settings of `npm run build` (the run builds it, into build/bench-dist).",
    '',
    '## Targets',
    '',
    '| comparison | what | target | measured | |',
    '|---|---|---|---|---|',
    ...allTargets.map((t) => `| ${t.section.replace(/^\d+\.\s*/, '')} | ${t.name} | ${t.goal} | ${t.actual} | ${t.met ? 'met' : '**missed**'} |`),
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', ...section.method.flatMap((paragraph) => [paragraph, '']));
    for (const table of section.tables) lines.push(...tableMarkdown(table), '');
    if (section.targets.length > 0) {
      lines.push('| target | goal | measured | |', '|---|---|---|---|');
      for (const t of section.targets) lines.push(`| ${t.name} | ${t.goal} | ${t.actual} | ${t.met ? 'met' : `**missed**${t.note ? `: ${t.note}` : ''}`} |`);
      lines.push('');
    }
    if (section.notes.length > 0) lines.push('### Notes', '', ...section.notes.flatMap((note) => [note, '']));
  }
  // The hand-written analysis of the misses (profiles, causes, fixes) lives beside the scripts and is kept on re-runs.
  const analysis = resolve(projectRoot, 'scripts/bench/notes.md');
  if (existsSync(analysis)) lines.push(readFileSync(analysis, 'utf8').trim(), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function tableMarkdown(table: Table): string[] {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    ...(table.heading ? [`**${table.heading}**`, ''] : []),
    `| ${table.columns.map(escape).join(' | ')} |`,
    `|${table.columns.map(() => '---').join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
}

function printSection(section: Section): void {
  console.log(`\n=== ${section.title} ===`);
  for (const table of section.tables) {
    if (table.heading) console.log(`\n${table.heading.replace(/`/g, '')}`);
    const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
    console.log(line(table.columns));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    for (const row of table.rows) console.log(line(row));
  }
  if (section.targets.length > 0) {
    console.log('');
    for (const t of section.targets) console.log(`${t.met ? 'MET   ' : 'MISSED'} ${t.name}: ${t.actual} (target ${t.goal})${t.note && !t.met ? ` — ${t.note}` : ''}`);
  }
}
