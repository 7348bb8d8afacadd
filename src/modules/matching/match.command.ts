import fs from 'node:fs';
import { MatchInputError, match, validateInput } from './deferred-acceptance.ts';

/** `nextwork match --input FILE [--output FILE] [--seed N]`: JSON in, JSON out, nothing partial. */
export function runMatchCommand(options: { input?: string; output?: string; seed?: string }): void {
  if (!options.input) throw new MatchInputError('--input FILE is required');
  let text: string;
  try {
    text = fs.readFileSync(options.input, 'utf8');
  } catch {
    throw new MatchInputError(`cannot read ${options.input}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new MatchInputError(`${options.input} is not valid JSON: ${(err as Error).message}`);
  }
  const input = validateInput(parsed);
  if (options.seed !== undefined) {
    if (!/^\d+$/.test(options.seed) || !Number.isSafeInteger(Number(options.seed)))
      throw new MatchInputError('--seed must be a whole number ≥ 0');
    input.seed = Number(options.seed);
  }
  const out = JSON.stringify(match(input)) + '\n';
  if (options.output) fs.writeFileSync(options.output, out);
  else process.stdout.write(out);
}
