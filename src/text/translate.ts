/**
 * The shape of `vscode.l10n.t`. Pure modules take it as a parameter so they stay
 * testable without VS Code; the strings still sit in literal calls of `t`, where
 * the l10n test finds them.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;
