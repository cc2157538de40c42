/** JSON values written as source code in languages whose literals differ from JSON's. */

/** Python: JSON's strings and numbers read the same; only true, false and null are spelt otherwise. */
export function pythonLiteral(value: unknown, depth = 0): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${pythonLiteral(item, depth + 1)},`).join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([name, item]) => `${pad}${JSON.stringify(name)}: ${pythonLiteral(item, depth + 1)},`);
    return `{\n${lines.join('\n')}\n${end}}`;
  }
  return JSON.stringify(value);
}

/** PHP: single-quoted strings (only `\` and `'` are special there), arrays for lists and maps, an object for `{}`. */
export function phpLiteral(value: unknown, depth = 0): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return phpString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${phpLiteral(item, depth + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  // json_encode writes an empty PHP array as [], so an empty JSON object must be an object.
  if (entries.length === 0) return 'new stdClass()';
  const lines = entries.map(([name, item]) => `${pad}${phpString(name)} => ${phpLiteral(item, depth + 1)},`);
  return `[\n${lines.join('\n')}\n${end}]`;
}

export function phpString(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
