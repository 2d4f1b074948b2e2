/**
 * A safe subset of SQL boolean expressions for shape `where` clauses: column refs, `$n` params,
 * string/number/boolean/NULL literals, = <> != < <= > >=, [NOT] IN (...), IS [NOT] NULL, AND, OR,
 * NOT and parentheses. One AST is (a) rendered to SQL with quoted identifiers and bind params for
 * the snapshot query and (b) evaluated in JS on replicated rows (three-valued logic). Literals and
 * params compared with a column are canonicalised by Postgres itself (`CAST($n AS type)::text`), so
 * JS compares the same text Postgres outputs for the column.
 */
import type pg from 'pg';
import { type ColumnInfo, quoteIdent, type Row, type TableInfo, TEXT_SETTINGS } from './values';

export class WhereError extends Error {}

type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { k: 'col'; col: ColumnInfo }
  | { k: 'val'; text: string | null; lit: 'string' | 'number' | 'bool' | 'null' | 'param'; cast?: ColumnInfo }
  | { k: 'cmp'; op: CmpOp; l: Expr; r: Expr }
  | { k: 'in'; neg: boolean; l: Expr; items: Expr[] }
  | { k: 'isnull'; neg: boolean; e: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'not'; e: Expr };

type Tok =
  | { t: 'ident'; v: string; quoted: boolean }
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'param'; n: number }
  | { t: 'op'; v: string }
  | { t: 'end' };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new WhereError('unterminated string literal');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      toks.push({ t: 'str', v });
      continue;
    }
    if (c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new WhereError('unterminated quoted identifier');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      if (v === '') throw new WhereError('zero-length delimited identifier');
      toks.push({ t: 'ident', v, quoted: true });
      continue;
    }
    if (c === '$') {
      const m = /^\$(\d+)/.exec(src.slice(i));
      if (!m) throw new WhereError('invalid parameter reference');
      toks.push({ t: 'param', n: Number(m[1]) });
      i += m[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(src.slice(i));
    if (id) {
      toks.push({ t: 'ident', v: id[0].toLowerCase(), quoted: false });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|!=|<=|>=|=|<|>|\(|\)|,|-)/.exec(src.slice(i));
    if (op) {
      toks.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new WhereError(`unexpected character "${c}" at position ${i + 1}`);
  }
  toks.push({ t: 'end' });
  return toks;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false']);

class Parser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly table: TableInfo,
    private readonly params: Record<string, string>,
  ) {}

  private peek(): Tok {
    return this.toks[this.pos] as Tok;
  }
  private next(): Tok {
    return this.toks[this.pos++] as Tok;
  }
  private isKw(kw: string, tok = this.peek()): boolean {
    return tok.t === 'ident' && !tok.quoted && tok.v === kw;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === op;
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) throw new WhereError(`expected "${op}"`);
    this.pos++;
  }

  parse(): Expr {
    const e = this.or();
    if (this.peek().t !== 'end') throw new WhereError('unexpected input after expression');
    return e;
  }
  private or(): Expr {
    let l = this.and();
    while (this.isKw('or')) {
      this.pos++;
      l = { k: 'or', l, r: this.and() };
    }
    return l;
  }
  private and(): Expr {
    let l = this.not();
    while (this.isKw('and')) {
      this.pos++;
      l = { k: 'and', l, r: this.not() };
    }
    return l;
  }
  private not(): Expr {
    if (this.isKw('not')) {
      this.pos++;
      return { k: 'not', e: this.not() };
    }
    return this.predicate();
  }
  private predicate(): Expr {
    const l = this.operand();
    const t = this.peek();
    if (t.t === 'op' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.pos++;
      const op = (t.v === '!=' ? '<>' : t.v) as CmpOp;
      return { k: 'cmp', op, l, r: this.operand() };
    }
    if (this.isKw('is')) {
      this.pos++;
      let neg = false;
      if (this.isKw('not')) {
        this.pos++;
        neg = true;
      }
      if (!this.isKw('null')) throw new WhereError('only IS [NOT] NULL is supported');
      this.pos++;
      return { k: 'isnull', neg, e: l };
    }
    let neg = false;
    if (this.isKw('not') && this.isKw('in', this.toks[this.pos + 1])) {
      this.pos++;
      neg = true;
    }
    if (this.isKw('in')) {
      this.pos++;
      this.expectOp('(');
      if (this.isKw('select')) throw new WhereError('subqueries are not supported');
      const items: Expr[] = [this.operand()];
      while (this.isOp(',')) {
        this.pos++;
        items.push(this.operand());
      }
      this.expectOp(')');
      return { k: 'in', neg, l, items };
    }
    if (neg) throw new WhereError('expected IN after NOT');
    return l;
  }
  private operand(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'op':
        if (t.v === '(') {
          if (this.isKw('select')) throw new WhereError('subqueries are not supported');
          const e = this.or();
          this.expectOp(')');
          return e;
        }
        if (t.v === '-') {
          const n = this.next();
          if (n.t !== 'num') throw new WhereError('unary minus is only supported on number literals');
          return { k: 'val', text: `-${n.v}`, lit: 'number' };
        }
        throw new WhereError(`unexpected "${t.v}"`);
      case 'str':
        return { k: 'val', text: t.v, lit: 'string' };
      case 'num':
        return { k: 'val', text: t.v, lit: 'number' };
      case 'param': {
        const v = this.params[String(t.n)];
        if (v === undefined) throw new WhereError(`parameter $${t.n} has no value`);
        return { k: 'val', text: v, lit: 'param' };
      }
      case 'ident': {
        if (!t.quoted && KEYWORDS.has(t.v)) {
          if (t.v === 'null') return { k: 'val', text: null, lit: 'null' };
          if (t.v === 'true' || t.v === 'false') return { k: 'val', text: t.v, lit: 'bool' };
          throw new WhereError(`unexpected keyword ${t.v.toUpperCase()}`);
        }
        if (this.isOp('(')) throw new WhereError(`function calls are not supported (${t.v})`);
        if (this.isOp('.')) throw new WhereError('qualified column names are not supported');
        const col = this.table.byName.get(t.v);
        if (!col) throw new WhereError(`unknown column "${t.v}"`);
        return { k: 'col', col };
      }
      case 'end':
        throw new WhereError('unexpected end of expression');
    }
  }
}

function isBoolean(e: Expr): boolean {
  switch (e.k) {
    case 'col':
      return e.col.baseType === 'bool' && e.col.dims === 0;
    case 'val':
      return e.lit === 'bool' || e.lit === 'null';
    default:
      return true;
  }
}

function isComparable(a: ColumnInfo, b: ColumnInfo): boolean {
  if (a.dims > 0 || b.dims > 0) return false;
  return a.baseType === b.baseType || (a.category === b.category && ['N', 'S', 'D'].includes(a.category));
}

/** Type-checks and attaches column casts to values compared with columns. */
function check(e: Expr): void {
  const attach = (v: Expr, col: ColumnInfo) => {
    if (v.k === 'val') {
      if (col.dims > 0) throw new WhereError(`comparisons on array column "${col.name}" are not supported`);
      if (v.lit === 'bool' && col.baseType !== 'bool')
        throw new WhereError(`cannot compare ${col.name} with a boolean`);
      if (v.lit === 'number' && col.category !== 'N') throw new WhereError(`cannot compare ${col.name} with a number`);
      v.cast = col;
    }
  };
  const operands = (l: Expr, rs: Expr[]) => {
    for (const x of [l, ...rs]) {
      if (x.k !== 'col' && x.k !== 'val') {
        if (!isBoolean(x)) throw new WhereError('invalid operand');
        check(x);
      }
    }
    const cols = [l, ...rs].filter((x): x is Extract<Expr, { k: 'col' }> => x.k === 'col');
    if (cols.length > 1) {
      const [a, ...rest] = cols;
      for (const b of rest) {
        if (!isComparable((a as typeof b).col, b.col))
          throw new WhereError(`cannot compare columns "${(a as typeof b).col.name}" and "${b.col.name}"`);
      }
    }
    const col = cols[0]?.col;
    if (col) for (const x of [l, ...rs]) attach(x, col);
  };
  switch (e.k) {
    case 'col':
      if (!isBoolean(e)) throw new WhereError(`column "${e.col.name}" is not boolean`);
      return;
    case 'val':
      if (!isBoolean(e)) throw new WhereError('WHERE clause must return a boolean');
      return;
    case 'cmp':
      if (e.l.k === 'col' && e.l.col.dims > 0) throw new WhereError('comparisons on array columns are not supported');
      operands(e.l, [e.r]);
      return;
    case 'in':
      operands(e.l, e.items);
      return;
    case 'isnull':
      if (e.e.k !== 'col' && e.e.k !== 'val') check(e.e);
      return;
    case 'and':
    case 'or':
      if (!isBoolean(e.l) || !isBoolean(e.r)) throw new WhereError('AND/OR operands must be boolean');
      check(e.l);
      check(e.r);
      return;
    case 'not':
      if (!isBoolean(e.e)) throw new WhereError('NOT operand must be boolean');
      check(e.e);
      return;
  }
}

function collectVals(e: Expr, out: Array<Extract<Expr, { k: 'val' }>>): void {
  switch (e.k) {
    case 'val':
      out.push(e);
      return;
    case 'col':
      return;
    case 'cmp':
      collectVals(e.l, out);
      collectVals(e.r, out);
      return;
    case 'in':
      collectVals(e.l, out);
      for (const i of e.items) collectVals(i, out);
      return;
    case 'isnull':
    case 'not':
      collectVals(e.e, out);
      return;
    case 'and':
    case 'or':
      collectVals(e.l, out);
      collectVals(e.r, out);
  }
}

/** Validates `params[n]` keys (sequential from 1). Returns an error message or null. */
export function checkParamKeys(keys: string[]): string | null {
  if (keys.some((k) => !/^\d+$/.test(k))) return 'Parameters can only use numbers as keys';
  const nums = keys.map(Number).sort((a, b) => a - b);
  if (nums.some((n, i) => n !== i + 1)) return 'Parameters must be numbered sequentially, starting from 1';
  return null;
}

/**
 * Parses and type-checks `where`, then lets Postgres canonicalise every literal/param compared with
 * a column (invalid input for the column's type → WhereError).
 */
export async function compileWhere(
  src: string,
  table: TableInfo,
  params: Record<string, string>,
  db: pg.Pool,
): Promise<Expr> {
  const ast = new Parser(tokenize(src), table, params).parse();
  if (!isBoolean(ast)) throw new WhereError('WHERE clause must return a boolean');
  check(ast);
  const vals: Array<Extract<Expr, { k: 'val' }>> = [];
  collectVals(ast, vals);
  const casts = vals.filter((v) => v.cast && v.text !== null);
  if (casts.length > 0) {
    const client = await db.connect();
    try {
      await client.query('BEGIN READ ONLY');
      for (const [k, v] of TEXT_SETTINGS) await client.query(`SELECT set_config($1, $2, true)`, [k, v]);
      const sql = `SELECT ${casts.map((v, i) => `CAST($${i + 1}::text AS ${(v.cast as ColumnInfo).sqlType})::text`).join(', ')}`;
      const res = await client.query({ text: sql, values: casts.map((v) => v.text), rowMode: 'array' });
      const row = res.rows[0] as Array<string | null>;
      casts.forEach((v, i) => {
        v.text = row[i] ?? null;
      });
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw new WhereError((err as Error).message);
    } finally {
      client.release();
    }
  }
  return ast;
}

/** All columns referenced by the expression. */
export function referencedColumns(e: Expr | null, out = new Set<string>()): Set<string> {
  if (!e) return out;
  switch (e.k) {
    case 'col':
      out.add(e.col.name);
      break;
    case 'cmp':
      referencedColumns(e.l, out);
      referencedColumns(e.r, out);
      break;
    case 'in':
      referencedColumns(e.l, out);
      for (const i of e.items) referencedColumns(i, out);
      break;
    case 'isnull':
    case 'not':
      referencedColumns(e.e, out);
      break;
    case 'and':
    case 'or':
      referencedColumns(e.l, out);
      referencedColumns(e.r, out);
      break;
  }
  return out;
}

/** Renders the expression as SQL; values become bind params appended to `binds`. */
export function renderSql(e: Expr, binds: unknown[]): string {
  switch (e.k) {
    case 'col':
      return quoteIdent(e.col.name);
    case 'val': {
      if (e.text === null) return 'NULL';
      if (e.lit === 'bool' && !e.cast) return e.text === 'true' ? 'TRUE' : 'FALSE';
      binds.push(e.text);
      const p = `$${binds.length}`;
      if (e.cast) return `CAST(${p}::text AS ${e.cast.sqlType})`;
      return e.lit === 'number' ? `${p}::numeric` : `${p}::text`;
    }
    case 'cmp': {
      const l = renderSql(e.l, binds);
      const r = renderSql(e.r, binds);
      const textual = [e.l, e.r].some((x) => x.k === 'col' && x.col.category === 'S');
      const collate = textual && e.op !== '=' && e.op !== '<>' ? ' COLLATE "C"' : '';
      return `(${l}${collate} ${e.op} ${r}${collate})`;
    }
    case 'in':
      return `(${renderSql(e.l, binds)} ${e.neg ? 'NOT IN' : 'IN'} (${e.items.map((i) => renderSql(i, binds)).join(', ')}))`;
    case 'isnull':
      return `(${renderSql(e.e, binds)} IS ${e.neg ? 'NOT ' : ''}NULL)`;
    case 'and':
      return `(${renderSql(e.l, binds)} AND ${renderSql(e.r, binds)})`;
    case 'or':
      return `(${renderSql(e.l, binds)} OR ${renderSql(e.r, binds)})`;
    case 'not':
      return `(NOT ${renderSql(e.e, binds)})`;
  }
}

type V = string | boolean | null;

const TRUE_TEXT = new Set(['t', 'true', 'y', 'yes', 'on', '1']);

function compareText(a: string, b: string, col: ColumnInfo | undefined): number {
  if (col?.category === 'N') {
    if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
      const x = BigInt(a);
      const y = BigInt(b);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return a === b ? 0 : Number.isNaN(x) ? 1 : -1;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (col?.baseType === 'bool') {
    const x = TRUE_TEXT.has(a.toLowerCase());
    const y = TRUE_TEXT.has(b.toLowerCase());
    return x === y ? 0 : x ? 1 : -1;
  }
  if (col?.baseType === 'bpchar') {
    a = a.replace(/ +$/, '');
    b = b.replace(/ +$/, '');
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

function colOf(...es: Expr[]): ColumnInfo | undefined {
  for (const e of es) {
    if (e.k === 'col') return e.col;
    if (e.k === 'val' && e.cast) return e.cast;
  }
  return undefined;
}

function value(e: Expr, row: Row): V {
  switch (e.k) {
    case 'col': {
      const v = row[e.col.name];
      if (v === undefined || v === null) return null;
      if (e.col.baseType === 'bool' && e.col.dims === 0) return v === 't';
      return v;
    }
    case 'val':
      if (e.lit === 'bool' && !e.cast) return e.text === 'true';
      return e.text;
    default:
      return evaluate(e, row);
  }
}

function toText(v: V): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return v;
}

/** Evaluates the expression on a row of text values: true / false / null (unknown). */
export function evaluate(e: Expr, row: Row): boolean | null {
  switch (e.k) {
    case 'col':
    case 'val': {
      const v = value(e, row);
      if (v === null) return null;
      return typeof v === 'boolean' ? v : TRUE_TEXT.has(v.toLowerCase());
    }
    case 'cmp': {
      const a = toText(value(e.l, row));
      const b = toText(value(e.r, row));
      if (a === null || b === null) return null;
      const c = compareText(a, b, colOf(e.l, e.r));
      switch (e.op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
      }
      return null;
    }
    case 'in': {
      const a = toText(value(e.l, row));
      if (a === null) return null;
      let sawNull = false;
      for (const item of e.items) {
        const b = toText(value(item, row));
        if (b === null) {
          sawNull = true;
          continue;
        }
        if (compareText(a, b, colOf(e.l, item)) === 0) return !e.neg;
      }
      return sawNull ? null : e.neg;
    }
    case 'isnull': {
      const v = value(e.e, row);
      return e.neg ? v !== null : v === null;
    }
    case 'and': {
      const l = evaluate(e.l, row);
      if (l === false) return false;
      const r = evaluate(e.r, row);
      if (r === false) return false;
      return l === null || r === null ? null : true;
    }
    case 'or': {
      const l = evaluate(e.l, row);
      if (l === true) return true;
      const r = evaluate(e.r, row);
      if (r === true) return true;
      return l === null || r === null ? null : false;
    }
    case 'not': {
      const v = evaluate(e.e, row);
      return v === null ? null : !v;
    }
  }
}

export function matches(e: Expr | null, row: Row): boolean {
  return e === null || evaluate(e, row) === true;
}
