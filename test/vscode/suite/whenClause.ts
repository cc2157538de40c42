/**
 * A reader for the `when` clauses of package.json, covering the grammar VS
 * Code documents (https://code.visualstudio.com/api/references/when-clause-contexts):
 * `!`, `&&`, `||`, parentheses, `==`, `!=`, `<`, `<=`, `>`, `>=`, `=~ /regex/`,
 * `in`, `not in`, quoted or bare values. VS Code ignores a clause it cannot
 * parse (the menu item then never shows, silently); here it throws, with why.
 */
export type When =
  | { op: 'and' | 'or'; terms: When[] }
  | { op: 'not'; term: When }
  | { op: 'true' | 'false' }
  | { op: 'has'; key: string }
  | { op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in'; key: string; value: string }
  | { op: '=~'; key: string; regex: RegExp };

export type Context = Record<string, unknown>;

const TOKEN =
  /\s*(?:(\(|\)|&&|\|\||==|!=|=~|<=|>=|<|>|!)|('(?:[^'\\]|\\.)*')|(\/(?:[^/\\]|\\.)+\/[gimsuy]*)|([^\s()!=<>&|']+))/y;

interface Token {
  kind: 'punct' | 'string' | 'regex' | 'word';
  text: string;
}

function tokenize(clause: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < clause.length) {
    if (/^\s*$/.test(clause.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(clause);
    if (!match) throw new Error(`cannot read "${clause.slice(at)}" in: ${clause}`);
    const [, punct, string, regex, word] = match;
    if (punct) tokens.push({ kind: 'punct', text: punct });
    else if (string) tokens.push({ kind: 'string', text: string.slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (regex) tokens.push({ kind: 'regex', text: regex });
    else tokens.push({ kind: 'word', text: word });
  }
  return tokens;
}

export function parseWhen(clause: string): When {
  const tokens = tokenize(clause);
  let next = 0;
  const peek = () => tokens[next];
  const fail = (why: string): never => {
    throw new Error(`${why} at token ${next + 1} of: ${clause}`);
  };
  const take = (text?: string): Token => {
    const token = tokens[next];
    if (!token || (text !== undefined && token.text !== text)) fail(`expected ${text ?? 'more'}`);
    next++;
    return token;
  };
  const value = (): string => {
    const token = take();
    if (token.kind === 'string' || token.kind === 'word') return token.text;
    return fail('expected a value');
  };
  const primary = (): When => {
    const token = peek();
    if (!token) return fail('expected a term');
    if (token.text === '(') {
      take('(');
      const inner = or();
      take(')');
      return inner;
    }
    if (token.kind !== 'word') return fail(`unexpected "${token.text}"`);
    take();
    if (token.text === 'true' || token.text === 'false') return { op: token.text };
    const key = token.text;
    const op = peek();
    if (op?.kind === 'punct' && ['==', '!=', '<', '<=', '>', '>='].includes(op.text)) {
      take();
      return { op: op.text as '==', key, value: value() };
    }
    if (op?.text === '=~') {
      take();
      const regex = take();
      if (regex.kind !== 'regex') fail('expected /regex/ after =~');
      const end = regex.text.lastIndexOf('/');
      return { op: '=~', key, regex: new RegExp(regex.text.slice(1, end), regex.text.slice(end + 1)) };
    }
    if (op?.text === 'in') {
      take();
      return { op: 'in', key, value: value() };
    }
    if (op?.text === 'not' && tokens[next + 1]?.text === 'in') {
      take();
      take();
      return { op: 'not in', key, value: value() };
    }
    return { op: 'has', key };
  };
  const unary = (): When => (peek()?.text === '!' ? (take(), { op: 'not', term: unary() }) : primary());
  const and = (): When => {
    const terms = [unary()];
    while (peek()?.text === '&&') {
      take();
      terms.push(unary());
    }
    return terms.length === 1 ? terms[0] : { op: 'and', terms };
  };
  const or = (): When => {
    const terms = [and()];
    while (peek()?.text === '||') {
      take();
      terms.push(and());
    }
    return terms.length === 1 ? terms[0] : { op: 'or', terms };
  };
  const parsed = or();
  if (next < tokens.length) fail(`unexpected "${tokens[next].text}"`);
  return parsed;
}

/** Every context key the clause reads. */
export function keysOf(when: When): string[] {
  switch (when.op) {
    case 'and':
    case 'or':
      return when.terms.flatMap(keysOf);
    case 'not':
      return keysOf(when.term);
    case 'true':
    case 'false':
      return [];
    default:
      return [when.key];
  }
}

/** Evaluates the clause against given context values, the way VS Code compares them. */
export function evaluate(when: When, context: Context): boolean {
  const read = (key: string) => context[key];
  const literal = (text: string): unknown => (text === 'true' ? true : text === 'false' ? false : text);
  switch (when.op) {
    case 'and':
      return when.terms.every((term) => evaluate(term, context));
    case 'or':
      return when.terms.some((term) => evaluate(term, context));
    case 'not':
      return !evaluate(when.term, context);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'has':
      return Boolean(read(when.key));
    case '==':
      // eslint-disable-next-line eqeqeq -- VS Code compares loosely: `count == 1` matches the number 1.
      return read(when.key) == literal(when.value);
    case '!=':
      // eslint-disable-next-line eqeqeq -- as above.
      return read(when.key) != literal(when.value);
    case '<':
      return Number(read(when.key)) < Number(when.value);
    case '<=':
      return Number(read(when.key)) <= Number(when.value);
    case '>':
      return Number(read(when.key)) > Number(when.value);
    case '>=':
      return Number(read(when.key)) >= Number(when.value);
    case '=~': {
      const value = read(when.key);
      return typeof value === 'string' && when.regex.test(value);
    }
    case 'in':
    case 'not in': {
      const container = read(when.value);
      const found = Array.isArray(container)
        ? container.includes(read(when.key))
        : typeof container === 'object' && container !== null && String(read(when.key)) in container;
      return when.op === 'in' ? found : !found;
    }
  }
}
