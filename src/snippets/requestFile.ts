import { InstanceRef } from '../core/instanceRef';
import { Translate } from '../text/translate';
import { commentText, fill } from './fill';
import { SNIPPET_CALLS, SnippetValues, snippetRequest } from './snippetCalls';
import { snippetWords } from './snippetText';
import { HTTP_FILE } from './templates/http';

/** Every call of one instance as one .http file, `###` between requests, how to set the token said once on top. */
export function requestFile(instance: InstanceRef, values: SnippetValues, t: Translate): string {
  const top = snippetWords(instance, undefined, t);
  const blocks = SNIPPET_CALLS.map(({ id }) => {
    const request = snippetRequest(instance, id, values);
    if (!request) return '';
    const words = { ...snippetWords(instance, id, t), httpTokenHelp: '' };
    return fill(HTTP_FILE.text, HTTP_FILE.slots(request, words)).trimEnd();
  }).filter((block) => block !== '');
  return `# ${commentText(top.title)}\n# ${commentText(top.httpTokenHelp)}\n\n${blocks.join('\n\n###\n\n')}\n`;
}
