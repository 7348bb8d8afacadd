import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the pure modules that `npm run mutation` mutates (stryker.config.json), and no
 * others: no database, no browser, no child processes (a mutant is active only in this process).
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/policy*.test.ts',
      'test/unit/cpr.test.ts',
      'test/unit/matching*.test.ts',
      'test/unit/explain.test.ts',
      'test/unit/estimators*.test.ts',
      'test/unit/randomisation.test.ts',
      'test/unit/planning.test.ts',
    ],
  },
});
