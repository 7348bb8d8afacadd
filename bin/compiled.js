// The compiled build (dist/, from tsconfig.build.json) and whether it is current with src/.
// `npm start` runs compiled JavaScript; when src/ is newer than the build (a fresh clone, a pull,
// an edit) it builds first. Plain JavaScript, so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
/** Written last by a successful build: its time is the build's time. */
const stamp = path.join(dist, '.built');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestInput(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestInput(path.join(file, entry)));
  return newest;
}

/** True when dist/ was built after the last change to any of its inputs. */
export function compiledIsCurrent() {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  if (!built) return false;
  return inputs.every((input) => newestInput(path.join(root, input)) <= built.mtimeMs);
}

/** Builds dist/ from scratch with TypeScript; returns false (and TypeScript has said why) on failure. */
export function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) {
    console.error(
      'nextwork: dist/ is missing or older than src/, and TypeScript is not installed to build it (npm ci, then npm run build).',
    );
    return false;
  }
  fs.rmSync(dist, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) return false;
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}
