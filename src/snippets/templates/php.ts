import { commentText } from '../fill';
import { phpLiteral, phpString } from '../literals';
import { SnippetTemplate } from './template';

export const PHP: SnippetTemplate = {
  id: 'php',
  label: 'PHP (curl)',
  languageId: 'php',
  text: `<?php
// @@title@@
// @@tokenHelp@@
$token = getenv('MEGAAPI_TOKEN');
if ($token === false || $token === '') {
    fwrite(STDERR, "Set the MEGAAPI_TOKEN environment variable first.\\n");
    exit(1);
}

$curl = curl_init(@@url@@);
curl_setopt_array($curl, [
    CURLOPT_CUSTOMREQUEST => @@method@@,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_HTTPHEADER => [
        'Authorization: Bearer ' . $token,@@headers@@
    ],@@#body@@
    CURLOPT_POSTFIELDS => json_encode(@@body@@, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE),@@/body@@
]);
$reply = curl_exec($curl);
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
curl_close($curl);
echo $status, ' ', $reply, PHP_EOL;
`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.tokenHelp),
    method: phpString(request.method),
    url: phpString(request.url),
    headers: Object.entries(request.headers)
      .map(([name, value]) => `\n        ${phpString(`${name}: ${value}`)},`)
      .join(''),
    body: request.body === undefined ? '' : phpLiteral(request.body, 1),
  }),
};
