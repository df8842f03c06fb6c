/** Reads and validates a `model.json`, with errors that say what is wrong and where. */
import { readFile } from 'node:fs/promises';
import { ScoreInputError } from '../table/score-input-error.ts';
import { AdditiveModelSchema, type AdditiveModel } from './model-schema.ts';

/** Validates a parsed model object. */
export function parseModel(value: unknown, where = 'the model'): AdditiveModel {
  const result = AdditiveModelSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('; ');
    throw new ScoreInputError('TRB_SCORE_BAD_MODEL', `${where} is not a Tributary additive model (${issues}); pass the model.json written by \`tributary model fit\``);
  }
  return result.data;
}

/** Reads a model file. */
export async function readModel(file: string): Promise<AdditiveModel> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ScoreInputError('TRB_SCORE_FILE', `cannot read the model ${file}: no such file, or it is not readable`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScoreInputError('TRB_SCORE_BAD_MODEL', `${file} is not JSON (${error instanceof Error ? error.message : error}); pass the model.json written by \`tributary model fit\``);
  }
  return parseModel(value, file);
}
