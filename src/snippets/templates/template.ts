import type { SnippetRequest } from '../snippetCalls';

export type LanguageId = 'curl' | 'javascript' | 'typescript' | 'python' | 'php' | 'http' | 'n8n';

/** The words a snippet's comments say, already translated. */
export interface SnippetWords {
  /** "Send message, instance megastart-X on api2.megaapi.com.br". */
  title: string;
  /** How to set MEGAAPI_TOKEN, for a shell user. */
  tokenHelp: string;
  /** The same for a .http file: the variable must be in VS Code's environment. */
  httpTokenHelp: string;
  /** The same for n8n: the variable must be in n8n's environment. */
  n8nTokenHelp: string;
}

/**
 * One language: its template text (data) and how a request's parts are
 * written as that language's literals. The token is never a slot: every
 * template reads MEGAAPI_TOKEN itself.
 */
export interface SnippetTemplate {
  id: LanguageId;
  /** The language's own name, shown as is in the picker. */
  label: string;
  /** VS Code's language id, for an untitled document. */
  languageId: string;
  text: string;
  slots(request: SnippetRequest, words: SnippetWords): Record<string, string>;
}

/** The name of the environment variable every snippet reads the token from. */
export const TOKEN_VARIABLE = 'MEGAAPI_TOKEN';
