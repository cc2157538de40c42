/**
 * A TypeScript type inferred from one JSON value, for "Copy as TypeScript
 * Type" on a webhook event: an interface per object, named after where it
 * sits (`ConversationEvent`, `ConversationEventKey`...). One sample cannot
 * say which fields are optional or what else a union holds, so the type is a
 * starting point and says so.
 */
export function inferTypeScript(value: unknown, rootName: string): string {
  const declarations: string[] = [];
  const used = new Set<string>();
  const root = typeName(rootName, used);
  const top = typeOf(value, root, declarations, used, 0);
  if (top !== root) declarations.unshift(`export type ${root} = ${top};`);
  return `${declarations.join('\n\n')}\n`;
}

/** Deep JSON stays readable: past this depth a value is `unknown`. */
const MAX_DEPTH = 12;

function typeOf(value: unknown, name: string, out: string[], used: Set<string>, depth: number): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (depth >= MAX_DEPTH || typeof value !== 'object') return 'unknown';
  if (Array.isArray(value)) {
    // Objects in one list are taken as one shape: their fields merged, one interface.
    const objects = (value as unknown[]).filter(isObject);
    const others = (value as unknown[]).filter((item: unknown) => !isObject(item));
    const merged: unknown[] =
      objects.length > 0 ? [objects.reduce<Record<string, unknown>>((all, item) => ({ ...all, ...item }), {})] : [];
    const itemName = typeName(`${name}Item`, used);
    const items = [...new Set([...merged, ...others].map((item) => typeOf(item, itemName, out, used, depth + 1)))];
    if (items.length === 0) return 'unknown[]';
    return items.length === 1 ? `${items[0]}[]` : `Array<${items.join(' | ')}>`;
  }
  // The slot is taken before the fields are read: top-down, the event comes first.
  const slot = out.push('') - 1;
  const lines = Object.entries(value as Record<string, unknown>).map(([field, inner]) => {
    const innerName = typeName(`${name}${pascal(field)}`, used);
    return `  ${propertyName(field)}: ${typeOf(inner, innerName, out, used, depth + 1)};`;
  });
  out[slot] = `export interface ${name} {\n${lines.join('\n')}${lines.length ? '\n' : ''}}`;
  return name;
}

/** A valid, unused identifier in PascalCase; whatever the event's `messageType` holds. */
function typeName(raw: string, used: Set<string>): string {
  let base = pascal(raw) || 'Event';
  if (/^\d/.test(base)) base = `T${base}`;
  base = base.slice(0, 80);
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base}${n}`;
  used.add(name);
  return name;
}

function pascal(raw: string): string {
  return raw
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** A field that is not an identifier is quoted, so `"message.ack"` stays one property. */
function propertyName(field: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(field) ? field : JSON.stringify(field);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
