/**
 * Fills a template: `@@name@@` is replaced by the slot's text, and
 * `@@#name@@…@@/name@@` is kept only when that slot is not empty. `@@` was
 * chosen because no target language gives it a meaning, unlike `{{ }}`
 * (the .http format and n8n) or `${ }` (JavaScript, shells, PHP).
 */
export function fill(template: string, slots: Readonly<Record<string, string | undefined>>): string {
  const sections = template.replace(/@@#(\w+)@@([\s\S]*?)@@\/\1@@/g, (_, name: string, inner: string) =>
    slots[name] ? inner : '',
  );
  return sections.replace(/@@(\w+)@@/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template slot ${name} has no value`);
    return value;
  });
}

/** Every line after the first moved right, so a multi-line value sits at its place in the code. */
export function indented(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/** A comment line holds one line: control characters (a newline would end the comment) become spaces. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
