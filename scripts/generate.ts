// Generates generated/<api>.ts from every spec in redocly.yaml. With --check, writes nothing and fails on drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';
import { listApis, projectRoot, type ApiEntry } from '#apis';
import { xmlShapes, xmlShapesModule, type SpecDocument } from './xml-shapes.ts';

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

export async function generateTypes(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    // A `default` is what the server assumes for a field left out: the field stays optional in the types.
    defaultNonNullable: false,
    // Binary bodies are bytes at runtime, not the `string` openapi-typescript would say.
    transform(schema) {
      if (schema.format !== 'binary') return undefined;
      const nullable = Array.isArray(schema.type) && schema.type.includes('null');
      return nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    },
  });
  const source = relative(projectRoot, specPath);
  return `// Generated from ${source} by \`npm run generate\`. Do not edit by hand.\n\n${astToString(ast)}`;
}

/** Every file generated/ should hold for one API: its types and, when it speaks XML, its XML shapes. */
async function outputsFor(api: ApiEntry): Promise<Array<[path: string, content: string]>> {
  const outputs: Array<[string, string]> = [[api.typesPath, await generateTypes(api.specPath)]];
  const shapes = xmlShapes(parse(readFileSync(api.specPath, 'utf8')) as SpecDocument);
  if (Object.keys(shapes.operations).length > 0) {
    outputs.push([api.typesPath.replace(/\.ts$/, '.xml.ts'), xmlShapesModule(relative(projectRoot, api.specPath), shapes)]);
  }
  return outputs;
}

/** Writes what changed (or, with `check`, writes nothing); returns the generated files that were out of date. */
export async function generateAll(check: boolean): Promise<string[]> {
  const drifted: string[] = [];
  for (const api of listApis()) {
    for (const [path, expected] of await outputsFor(api)) {
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === expected) continue;
      drifted.push(relative(projectRoot, path));
      if (!check) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, expected);
      }
    }
  }
  return drifted;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const drifted = await generateAll(check);
  if (!check) for (const file of drifted) console.log(`wrote ${file}`);
  if (check && drifted.length > 0) {
    console.error(`generated/ is out of date with specs/: ${drifted.join(', ')}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  if (check) console.log('generated/ matches specs/');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
