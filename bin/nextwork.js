#!/usr/bin/env node
// The `nextwork` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/app/cli.ts');
