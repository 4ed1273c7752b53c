// A small, safe expression language over indicator codes, for validation rules ("DV_CO_MAT <= DV_TONG",
// "A + B == C") and for formula numerators/denominators. Hand-written recursive descent: no eval, no
// property access, no functions — only numbers, indicator references, arithmetic, comparisons and logic.
//
// Grammar (lowest precedence first):
//   or      := and ( ("||" | "or") and )*
//   and     := not ( ("&&" | "and") not )*
//   not     := ("!" | "not") not | compare
//   compare := sum ( ("<" | "<=" | ">" | ">=" | "==" | "!=") sum )?
//   sum     := product ( ("+" | "-") product )*
//   product := unary ( ("*" | "/") unary )*
//   unary   := "-" unary | primary
//   primary := NUMBER | REF | "(" or ")"
//   REF     := CODE | CODE "[" combo "]"      e.g. DV_MOI, DV_MOI[nu], DV_MOI[nu.duoi_30]

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ArithOp = '+' | '-' | '*' | '/';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string; combo: string }
  | { kind: 'neg'; operand: Expr }
  | { kind: 'arith'; op: ArithOp; left: Expr; right: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'logic'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr };

export type ExprType = 'number' | 'boolean';

type Token =
  | { t: 'num'; value: number; at: number }
  | { t: 'ref'; code: string; combo: string; at: number }
  | { t: 'op'; op: string; at: number }
  | { t: 'end'; at: number };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!' };
const SYMBOL_OPS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '(', ')', '!'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const numMatch = /^\d+(?:\.\d+)?/.exec(source.slice(i));
    if (numMatch) {
      tokens.push({ t: 'num', value: Number(numMatch[0]), at: i });
      i += numMatch[0].length;
      continue;
    }
    const refMatch = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([a-z0-9_]+(?:\.[a-z0-9_]+)*)\])?/.exec(source.slice(i));
    if (refMatch) {
      const word = refMatch[1] ?? '';
      const wordOp = WORD_OPS[word.toLowerCase()];
      if (wordOp && refMatch[2] === undefined) tokens.push({ t: 'op', op: wordOp, at: i });
      else tokens.push({ t: 'ref', code: word, combo: refMatch[2] ?? '', at: i });
      i += refMatch[0].length;
      continue;
    }
    const op = SYMBOL_OPS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new ExpressionSyntaxError(`Ký tự không hợp lệ “${ch}” ở vị trí ${i + 1}.`, i);
    tokens.push({ t: 'op', op, at: i });
    i += op.length;
  }
  tokens.push({ t: 'end', at: source.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { t: 'end', at: 0 };
  }

  private isOp(...ops: string[]): string | null {
    const tok = this.peek();
    return tok.t === 'op' && ops.includes(tok.op) ? tok.op : null;
  }

  parse(): Expr {
    const expr = this.or();
    const tok = this.peek();
    if (tok.t !== 'end') throw new ExpressionSyntaxError(`Thừa nội dung ở vị trí ${tok.at + 1}.`, tok.at);
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isOp('||')) {
      this.pos++;
      left = { kind: 'logic', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isOp('&&')) {
      this.pos++;
      left = { kind: 'logic', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isOp('!')) {
      this.pos++;
      return { kind: 'not', operand: this.not() };
    }
    return this.compare();
  }

  private compare(): Expr {
    const left = this.sum();
    const op = this.isOp('<', '<=', '>', '>=', '==', '!=');
    if (!op) return left;
    this.pos++;
    const right = this.sum();
    if (this.isOp('<', '<=', '>', '>=', '==', '!=')) {
      const tok = this.peek();
      throw new ExpressionSyntaxError(`Không được nối liền hai phép so sánh (vị trí ${tok.at + 1}).`, tok.at);
    }
    return { kind: 'compare', op: op as CompareOp, left, right };
  }

  private sum(): Expr {
    let left = this.product();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.pos++;
      left = { kind: 'arith', op: op as ArithOp, left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    for (let op = this.isOp('*', '/'); op; op = this.isOp('*', '/')) {
      this.pos++;
      left = { kind: 'arith', op: op as ArithOp, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.pos++;
      return { kind: 'neg', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.peek();
    if (tok.t === 'num') {
      this.pos++;
      return { kind: 'num', value: tok.value };
    }
    if (tok.t === 'ref') {
      this.pos++;
      return { kind: 'ref', code: tok.code, combo: tok.combo };
    }
    if (tok.t === 'op' && tok.op === '(') {
      this.pos++;
      const inner = this.or();
      if (!this.isOp(')')) {
        const at = this.peek().at;
        throw new ExpressionSyntaxError(`Thiếu dấu “)” ở vị trí ${at + 1}.`, at);
      }
      this.pos++;
      return inner;
    }
    if (tok.t === 'end') throw new ExpressionSyntaxError('Biểu thức kết thúc đột ngột.', tok.at);
    throw new ExpressionSyntaxError(`Không mong đợi “${tok.op}” ở vị trí ${tok.at + 1}.`, tok.at);
  }
}

/** Parses and type-checks an expression; throws ExpressionSyntaxError with a Vietnamese message. */
export function parseExpression(source: string, expected?: ExprType): Expr {
  const expr = new Parser(tokenize(source)).parse();
  const type = typeOf(expr);
  if (expected && type !== expected) {
    throw new ExpressionSyntaxError(
      expected === 'boolean'
        ? 'Biểu thức kiểm tra phải là một phép so sánh (ví dụ A <= B).'
        : 'Biểu thức phải cho ra một số, không phải một phép so sánh.',
      0,
    );
  }
  return expr;
}

function typeOf(expr: Expr): ExprType {
  const need = (e: Expr, t: ExprType): void => {
    if (typeOf(e) !== t) {
      throw new ExpressionSyntaxError(
        t === 'number' ? 'Phép tính số học dùng với một phép so sánh.' : 'Phép logic dùng với một số.',
        0,
      );
    }
  };
  switch (expr.kind) {
    case 'num':
    case 'ref':
      return 'number';
    case 'neg':
      need(expr.operand, 'number');
      return 'number';
    case 'arith':
      need(expr.left, 'number');
      need(expr.right, 'number');
      return 'number';
    case 'compare':
      need(expr.left, 'number');
      need(expr.right, 'number');
      return 'boolean';
    case 'logic':
      need(expr.left, 'boolean');
      need(expr.right, 'boolean');
      return 'boolean';
    case 'not':
      need(expr.operand, 'boolean');
      return 'boolean';
  }
}

/** Every indicator reference in the expression, in order of appearance, without duplicates. */
export function referencesOf(expr: Expr): Array<{ code: string; combo: string }> {
  const seen = new Map<string, { code: string; combo: string }>();
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'ref':
        seen.set(`${e.code}[${e.combo}]`, { code: e.code, combo: e.combo });
        return;
      case 'neg':
      case 'not':
        walk(e.operand);
        return;
      case 'arith':
      case 'compare':
      case 'logic':
        walk(e.left);
        walk(e.right);
        return;
      case 'num':
        return;
    }
  };
  walk(expr);
  return [...seen.values()];
}

/** Looks up the value of an indicator reference; undefined means "no value". */
export type Resolve = (code: string, combo: string) => number | undefined;

/**
 * Evaluates an expression. Returns undefined when a referenced value is missing or a division by zero
 * occurs, so callers decide what an unknown result means (a validation rule is then not applicable).
 */
export function evaluate(expr: Expr, resolve: Resolve): number | boolean | undefined {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'ref':
      return resolve(expr.code, expr.combo);
    case 'neg': {
      const v = evaluate(expr.operand, resolve);
      return typeof v === 'number' ? -v : undefined;
    }
    case 'arith': {
      const l = evaluate(expr.left, resolve);
      const r = evaluate(expr.right, resolve);
      if (typeof l !== 'number' || typeof r !== 'number') return undefined;
      if (expr.op === '+') return l + r;
      if (expr.op === '-') return l - r;
      if (expr.op === '*') return l * r;
      return r === 0 ? undefined : l / r;
    }
    case 'compare': {
      const l = evaluate(expr.left, resolve);
      const r = evaluate(expr.right, resolve);
      if (typeof l !== 'number' || typeof r !== 'number') return undefined;
      return compareNumbers(expr.op, l, r);
    }
    case 'logic': {
      const l = evaluate(expr.left, resolve);
      const r = evaluate(expr.right, resolve);
      // Three-valued logic: a known false (and) or true (or) decides even when the other side is unknown.
      if (expr.op === 'and') {
        if (l === false || r === false) return false;
        return l === undefined || r === undefined ? undefined : true;
      }
      if (l === true || r === true) return true;
      return l === undefined || r === undefined ? undefined : false;
    }
    case 'not': {
      const v = evaluate(expr.operand, resolve);
      return typeof v === 'boolean' ? !v : undefined;
    }
  }
}

// Decimal entries ("0,1 + 0,2") must compare equal to their written total, so equality allows for
// binary floating-point error relative to the magnitudes involved.
function compareNumbers(op: CompareOp, l: number, r: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));
  const eq = Math.abs(l - r) <= eps;
  switch (op) {
    case '==':
      return eq;
    case '!=':
      return !eq;
    case '<':
      return l < r && !eq;
    case '<=':
      return l < r || eq;
    case '>':
      return l > r && !eq;
    case '>=':
      return l > r || eq;
  }
}

/** Renders an expression back to text (normalised spacing), for messages and audit. */
export function formatExpression(expr: Expr): string {
  const prec = (e: Expr): number => {
    switch (e.kind) {
      case 'logic':
        return e.op === 'or' ? 1 : 2;
      case 'not':
        return 3;
      case 'compare':
        return 4;
      case 'arith':
        return e.op === '+' || e.op === '-' ? 5 : 6;
      case 'neg':
        return 7;
      default:
        return 8;
    }
  };
  const wrap = (e: Expr, min: number): string =>
    prec(e) < min ? `(${formatExpression(e)})` : formatExpression(e);
  switch (expr.kind) {
    case 'num':
      return String(expr.value);
    case 'ref':
      return expr.combo ? `${expr.code}[${expr.combo}]` : expr.code;
    case 'neg':
      return `-${wrap(expr.operand, 7)}`;
    case 'not':
      // Always bracket the operand: "!A == B" is valid here but reads wrongly to anyone used to C.
      return `!${wrap(expr.operand, 8)}`;
    case 'arith': {
      const p = prec(expr);
      return `${wrap(expr.left, p)} ${expr.op} ${wrap(expr.right, p + 1)}`;
    }
    case 'compare':
      return `${wrap(expr.left, 5)} ${expr.op} ${wrap(expr.right, 5)}`;
    case 'logic': {
      const p = prec(expr);
      return `${wrap(expr.left, p)} ${expr.op === 'and' ? '&&' : '||'} ${wrap(expr.right, p + 1)}`;
    }
  }
}
