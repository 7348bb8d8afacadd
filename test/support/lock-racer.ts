// A child process for the lock race test: for each line "<dir> <epoch ms>" on stdin it waits until
// that moment, tries to lock the directory and answers "won" or "lost <reason>". It keeps what it
// won until the next line, so that a later attempt cannot win a lock released in between.
import { createInterface } from 'node:readline';
import { lockDataDir } from '../../src/platform/db/lock.ts';

let release = () => {};
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  release();
  release = () => {};
  const [dir, at] = line.split(' ');
  await new Promise((r) => setTimeout(r, Math.max(0, Number(at) - Date.now() - 2)));
  while (Date.now() < Number(at)) {
    // spin the last milliseconds, so that all racers start together
  }
  try {
    release = lockDataDir(dir!);
    process.stdout.write('won\n');
  } catch (err) {
    process.stdout.write(`lost ${(err as Error).message}\n`);
  }
}
release();
