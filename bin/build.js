#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (tsconfig.build.json).
import { build } from './compiled.js';

process.exitCode = build() ? 0 : 1;
