#!/usr/bin/env node
// The `nextwork` command: the compiled CLI when dist/ is current, otherwise the TypeScript sources
// through tsx (a development install).
import { compiledIsCurrent } from './compiled.js';

if (compiledIsCurrent()) {
  await import('../dist/app/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/app/cli.ts');
}
