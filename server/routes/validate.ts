/** Parse untrusted input with a zod schema; failures become `validation_failed` with the issues. */
import type { z } from 'zod';
import { AppError } from '../../shared/errors';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('validation_failed', undefined, {
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
