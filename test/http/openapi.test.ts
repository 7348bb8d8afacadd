import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

let t: TestContext;
let app: App;
let doc: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
  doc = (await new Browser(app).get('/api/openapi.json')).json();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** Every $ref in the document, with the JSON pointer of the object holding it. */
function refsIn(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((value, i) => refsIn(value, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ at, ref: value }]
      : refsIn(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

/** What a local reference (#/a/b) points at in the document, undefined when nothing. */
function resolveRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  const keys = ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'));
  let node = document;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

// Compiles against the generated types the way an API client would use them; the expected error
// keeps the check honest should the types ever collapse to any.
const usage = `import type { components, paths } from './api.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type CompanyWithOpenings = Json<paths['/api/v1/companies/{id}']['get']['responses'][200]>;
type NewCompany = paths['/api/v1/municipalities/{municipalityId}/companies']['post']['requestBody']['content']['application/json'];

export const titles = (company: CompanyWithOpenings): string => company.name + company.openings.map((o) => o.title).join();
export const code = (failure: Json<paths['/api/v1/me']['get']['responses'][401]>): string => failure.error.code;
export const name = (input: NewCompany): string => input.name;
// @ts-expect-error an opening's seats are a number
export const seats: components['schemas']['Opening']['seats'] = 'many';
`;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref within the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter(({ ref }) => resolveRef(doc, ref) === undefined)).toEqual([]);
  });

  it('lists only the component schemas it refers to', () => {
    const schemas = Object.keys(resolveRef(doc, '#/components/schemas') as Record<string, unknown>);
    const referred = new Set(refsIn(doc).map(({ ref }) => ref.replace('#/components/schemas/', '')));
    expect(schemas.length).toBeGreaterThan(0);
    expect(schemas.filter((name) => !referred.has(name))).toEqual([]);
  });

  it('is what docs/openapi.json holds', () => {
    expect(JSON.parse(fs.readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'))).toEqual(doc);
  });

  it('generates TypeScript client types that type-check', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.ts'), await openapiTS(doc as unknown as OpenAPI3, { silent: true }));
      fs.writeFileSync(path.join(dir, 'usage.ts'), usage);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'es2024',
        module: 'nodenext',
        types: [],
        allowImportingTsExtensions: true,
      };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['api.ts', 'usage.ts'] }));
      // TypeScript 7 has no compiler API: run the project's tsc on the generated files.
      const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/.bin/tsc'), '-p', dir, '--pretty', 'false'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ status: tsc.status, output: tsc.stdout + tsc.stderr }).toEqual({ status: 0, output: '' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
