import fs from 'node:fs';
import { CsvSyntaxError, parseCsv } from '../../platform/csv.ts';
import { EstimationError, type Estimator, type SeType, type TrialData, differenceInMeans, lin, ols } from './estimators.ts';

export interface EvaluateOptions {
  input?: string;
  outcome?: string;
  treatment?: string;
  covariates?: string;
  blocks?: string;
  estimator?: string;
  se?: string;
}

const seTypes: SeType[] = ['HC2', 'HC0', 'HC1', 'HC3', 'classical'];
const estimators: Estimator[] = ['ols', 'lin', 'dim'];

/** Reads a trial CSV into columns for the estimators; throws EstimationError naming the problem and line. */
export function readTrial(text: string, o: { outcome: string; treatment: string; covariates: string[]; blocks?: string }): TrialData {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new EstimationError(`CSV syntax error on line ${err.line}`);
    throw err;
  }
  const [header, ...body] = rows;
  if (!header) throw new EstimationError('the file is empty');
  const names = header.fields.map((h) => h.trim());
  const col = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new EstimationError(`missing column "${name}" (columns: ${names.join(', ')})`);
    return i;
  };
  const yi = col(o.outcome);
  const ti = col(o.treatment);
  const ci = o.covariates.map(col);
  const bi = o.blocks ? col(o.blocks) : undefined;
  const number = (row: { line: number; fields: string[] }, i: number) => {
    const raw = (row.fields[i] ?? '').trim();
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) throw new EstimationError(`line ${row.line}: "${names[i]}" is not a number ("${raw}")`);
    return v;
  };
  const data: TrialData = { y: [], treated: [], covariates: [], covariateNames: o.covariates, ...(bi !== undefined ? { blocks: [] } : {}) };
  for (const row of body) {
    data.y.push(number(row, yi));
    const t = number(row, ti);
    if (t !== 0 && t !== 1) throw new EstimationError(`line ${row.line}: treatment "${names[ti]}" must be 0 or 1 (got ${t})`);
    data.treated.push(t);
    data.covariates.push(ci.map((i) => number(row, i)));
    if (bi !== undefined) data.blocks!.push((row.fields[bi] ?? '').trim());
  }
  const treatedCount = data.treated.filter((t) => t === 1).length;
  if (treatedCount === 0) throw new EstimationError('no treated rows: the treatment arm is empty');
  if (treatedCount === data.y.length) throw new EstimationError('no control rows: the control arm is empty');
  return data;
}

/**
 * `nextwork evaluate`: one JSON object with the estimate, or exit 2 with one line. `notes` lists a
 * dropped (aliased) covariate, mixed pair/larger blocks, and why a standard error is undefined —
 * then stdError, t, pValue and the interval are null.
 */
export function runEvaluateCommand(o: EvaluateOptions): string {
  if (!o.input || !o.outcome || !o.treatment) throw new EstimationError('--input FILE, --outcome COL and --treatment COL are required');
  const estimator = (o.estimator ?? 'ols') as Estimator;
  if (!estimators.includes(estimator)) throw new EstimationError(`--estimator must be one of ${estimators.join(', ')}`);
  const se = (o.se ?? 'HC2') as SeType;
  if (!seTypes.includes(se)) throw new EstimationError(`--se must be one of ${seTypes.join(', ')}`);
  if (o.blocks && estimator !== 'dim') throw new EstimationError('--blocks goes with --estimator dim');
  let text: string;
  try {
    text = fs.readFileSync(o.input, 'utf8');
  } catch {
    throw new EstimationError(`cannot read ${o.input}`);
  }
  const covariates = o.covariates
    ? o.covariates
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
  const data = readTrial(text, { outcome: o.outcome, treatment: o.treatment, covariates, blocks: o.blocks });
  const result = estimator === 'dim' ? differenceInMeans(data) : estimator === 'lin' ? lin(data, se) : ols(data, se);
  return JSON.stringify(result) + '\n';
}
