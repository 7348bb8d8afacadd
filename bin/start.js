#!/usr/bin/env node
// `npm start`: the platform from compiled JavaScript, built first when src/ has changed since.
import { build, compiledIsCurrent } from './compiled.js';

if (!compiledIsCurrent()) {
  console.error('nextwork: building dist/ from src/ (once after each change; npm run dev runs the sources directly)…');
  if (!build()) process.exit(1);
}
process.setSourceMapsEnabled(true); // stack traces name the TypeScript lines
await import('../dist/app/main.js');
