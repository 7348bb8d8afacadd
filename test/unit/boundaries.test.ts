import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The boundaries of decision 0018 are enforced by `npm run lint` (.oxlintrc.json). This proves the
// rules bite: probe files placed where a violation would live are linted with the project's
// configuration, and each violation must be reported by no-restricted-imports (and allowed imports
// must not be). One oxlint run over all probes, without the type-aware pass: about a second.
const root = path.resolve(import.meta.dirname, '../..');
const tag = `zz-boundary-probe-${process.pid}`;

const probes = {
  platformImportsModule: {
    file: `src/platform/db/${tag}.ts`,
    code: `import { users } from '../../modules/accounts/accounts.schema.ts';\nexport const probe = users;\n`,
    restricted: true,
  },
  platformImportsAppType: {
    file: `src/platform/${tag}-app.ts`,
    code: `import type { Services } from '../app/services.ts';\nexport type Probe = Services;\n`,
    restricted: true,
  },
  viewImportsRepositoryValue: {
    file: `src/modules/companies/${tag}.views.tsx`,
    code: `import { CompaniesRepository } from './companies.repository.ts';\nexport const probe = CompaniesRepository;\n`,
    restricted: true,
  },
  viewImportsSchemaValue: {
    file: `src/modules/youth/${tag}.views.tsx`,
    code: `import { youth } from './youth.schema.ts';\nexport const probe = youth;\n`,
    restricted: true,
  },
  viewImportsRepositoryType: {
    file: `src/modules/companies/${tag}-types.views.tsx`,
    code: `import type { Company } from './companies.repository.ts';\nexport type Probe = Company;\n`,
    restricted: false,
  },
  moduleImportsOtherRepository: {
    file: `src/modules/movement/${tag}.ts`,
    code: `import { YouthRepository } from '../youth/youth.repository.ts';\nexport const probe = YouthRepository;\n`,
    restricted: true,
  },
  moduleTakesOtherRepositoryType: {
    file: `src/modules/movement/${tag}-type.ts`,
    code: `import type { YouthRepository } from '../youth/youth.repository.ts';\nexport type Probe = YouthRepository;\n`,
    restricted: true,
  },
  moduleImportsOtherRowType: {
    file: `src/modules/movement/${tag}-row.ts`,
    code: `import type { Youth } from '../youth/youth.repository.ts';\nexport type Probe = Youth;\n`,
    restricted: false,
  },
  serviceImportsDrizzle: {
    file: `src/modules/support/${tag}.service.ts`,
    code: `import { eq } from 'drizzle-orm';\nexport const probe = eq;\n`,
    restricted: true,
  },
  serviceImportsTable: {
    file: `src/modules/support/${tag}-table.service.ts`,
    code: `import { supportNotes } from './support.schema.ts';\nexport const probe = supportNotes;\n`,
    restricted: true,
  },
  serviceTakesDb: {
    file: `src/modules/support/${tag}-db.service.ts`,
    code: `import type { Db } from '../../platform/db/client.ts';\nexport type Probe = Db;\n`,
    restricted: true,
  },
  platformServiceImportsDrizzle: {
    file: `src/platform/mail/${tag}.service.ts`,
    code: `import { sql } from 'drizzle-orm';\nexport const probe = sql;\n`,
    restricted: true,
  },
  serviceImportsVocabularyAndTransactions: {
    file: `src/modules/support/${tag}-ok.service.ts`,
    code: `import type { Transactions } from '../../platform/db/transactions.ts';\nimport { noteKinds } from './support.values.ts';\nexport const probe = noteKinds;\nexport type Probe = Transactions;\n`,
    restricted: false,
  },
  moduleImportsOwnRepository: {
    file: `src/modules/youth/${tag}-own.ts`,
    code: `import { YouthRepository } from './youth.repository.ts';\nexport const probe = YouthRepository;\n`,
    restricted: false,
  },
};

interface Diagnostic {
  code: string;
  filename: string;
}
let status: number | null;
let diagnostics: Diagnostic[];

beforeAll(() => {
  try {
    for (const p of Object.values(probes)) fs.writeFileSync(path.join(root, p.file), p.code);
    const run = spawnSync(
      path.join(root, 'node_modules/.bin/oxlint'),
      ['--deny-warnings', '-f', 'json', ...Object.values(probes).map((p) => p.file)],
      { cwd: root, encoding: 'utf8', timeout: 30_000 },
    );
    status = run.status;
    diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  } finally {
    for (const p of Object.values(probes)) fs.rmSync(path.join(root, p.file), { force: true });
  }
});
afterAll(() => {
  for (const p of Object.values(probes)) fs.rmSync(path.join(root, p.file), { force: true });
});

const restrictedIn = (file: string) => diagnostics.filter((d) => d.filename === file && d.code === 'eslint(no-restricted-imports)');

describe('boundary lint (decision 0018)', () => {
  it('fails the lint on a violation', () => {
    expect(status).not.toBe(0);
  });

  for (const [name, p] of Object.entries(probes))
    it(`${p.restricted ? 'refuses' : 'allows'}: ${name}`, () => {
      if (p.restricted) expect(restrictedIn(p.file).length).toBeGreaterThan(0);
      else expect(restrictedIn(p.file)).toEqual([]);
    });

  it('reports nothing else about the probes', () => {
    expect(diagnostics.filter((d) => d.code !== 'eslint(no-restricted-imports)')).toEqual([]);
  });
});
