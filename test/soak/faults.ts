import type { MockFault } from '../mock/faults';

/**
 * The misbehaviours the soak draws from: 5xx with HTML, 429 with odd
 * Retry-After values, a reset mid-body, a slow answer, truncated and garbage
 * JSON, the token echoed (plain and as base64 of `Bearer …`), a GIF and a
 * broken PNG for the QR, and a 3 MB body.
 */
export function faults(token: string): MockFault[] {
  const echo = `{"error":true,"message":"bad token Bearer ${token} ${Buffer.from(`Bearer ${token}`).toString('base64')}"}`;
  const gif = Buffer.from('R0lGODlhAQABAAAAACwAAAAAgD6APgAAAkwBADs=', 'base64').toString('base64');
  return [
    { status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' },
    { status: 503, body: '<html>down</html>', contentType: 'text/html' },
    { status: 429, headers: { 'Retry-After': '-5' }, body: '{}' },
    { status: 429, headers: { 'Retry-After': '999999999' }, body: '{}' },
    { status: 429, headers: { 'Retry-After': 'soon' }, body: '{}' },
    { resetMidBody: true },
    { delayMs: 4_000 },
    { status: 200, body: '{"error":false,"instance_data":' },
    { status: 200, body: 'not json at all' },
    { status: 401, body: echo },
    { status: 200, body: echo },
    {
      status: 200,
      body: `{"error":false,"instance_data":{"user":{"id":"1@s","name":"${token}"},"phone_connected":false}}`,
    },
    { status: 200, body: `{"qrcode":"data:image/gif;base64,${gif}"}` },
    { status: 200, body: '{"qrcode":"data:image/png;base64,AAAA"}' },
    { bigBodyBytes: 3_000_000 },
  ];
}
