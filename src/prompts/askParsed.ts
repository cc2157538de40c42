import vscode = require('vscode');
import { Parsed } from '../core/parsed';

/**
 * An input box that refuses invalid text in place, with the reason, and
 * returns what the parser made of the answer. The same parser guards the API
 * call later. Undefined when the user pressed Esc.
 */
export async function askParsed<T, R extends string>(
  options: vscode.InputBoxOptions,
  parse: (text: string) => Parsed<T, R>,
  reason: (code: R) => string,
): Promise<T | undefined> {
  const answer = await vscode.window.showInputBox({
    ignoreFocusOut: true,
    ...options,
    validateInput: (text) => {
      const parsed = parse(text);
      return parsed.ok ? undefined : reason(parsed.reason);
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parse(answer);
  return parsed.ok ? parsed.value : undefined;
}
