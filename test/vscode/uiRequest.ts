/**
 * How the API suite asks for typing into a prompt the extension host cannot
 * reach: Developer: Open URL's box belongs to the workbench, and an input
 * box cannot be typed into through the API at all. The suite prints one
 * line; the code-server runner, which receives the extension host's console,
 * types in the page. One way only: the suite waits for the effect (a request
 * at the mock, a tab, a saved instance).
 *
 * Dialogs need no such help, and cannot have it: in an extension test host
 * VS Code's DialogService confirms every `confirm` by itself and refuses
 * every `prompt` (a modal message) with an error, without showing either.
 */
export const UI_REQUEST_MARKER = 'megaapi-ui-request ';

/** Waits for a quick input whose title, message or placeholder contains `expect`, types `text`, presses Enter. */
export interface UiRequest {
  type: 'quickInput';
  expect: string;
  text: string;
}

export function isUiRequest(value: unknown): value is UiRequest {
  const v = value as Partial<Record<string, unknown>> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'quickInput' &&
    typeof v.expect === 'string' &&
    typeof v.text === 'string'
  );
}

/** Set by the code-server runner; other hosts (VS Code desktop, F5) have no one to act on these requests. */
export const UI_DRIVER_ENV = 'MEGAAPI_UI_DRIVER';
