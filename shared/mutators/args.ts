/** Validators for mutation arguments: tagged ids, instants and bounded text. */
import { z } from 'zod';
import { type IdTable, isIdOf } from '../ids';

export const idOf = (table: IdTable) =>
  z.string().refine((v) => isIdOf(table, v), { message: `must be an id of ${table}` });

export const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const text = (max: number) => z.string().trim().min(1).max(max);
