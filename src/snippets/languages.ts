import { fill } from './fill';
import { SnippetRequest } from './snippetCalls';
import { CURL } from './templates/curl';
import { HTTP_FILE } from './templates/http';
import { JAVASCRIPT } from './templates/javascript';
import { N8N } from './templates/n8n';
import { PHP } from './templates/php';
import { PYTHON } from './templates/python';
import { LanguageId, SnippetTemplate, SnippetWords } from './templates/template';
import { TYPESCRIPT } from './templates/typescript';

/** In picker order. */
export const LANGUAGES: readonly SnippetTemplate[] = [CURL, JAVASCRIPT, TYPESCRIPT, PYTHON, PHP, HTTP_FILE, N8N];

export function languageOf(id: LanguageId): SnippetTemplate {
  const found = LANGUAGES.find((language) => language.id === id);
  if (!found) throw new Error(`no snippet language ${id}`);
  return found;
}

export function renderSnippet(language: SnippetTemplate, request: SnippetRequest, words: SnippetWords): string {
  return fill(language.text, language.slots(request, words));
}
