export interface QrHtmlInput {
  nonce: string;
  /** The panel's script and stylesheet (see assets.ts), checked by `inlineSafe`. */
  script: string;
  style: string;
  lang: string;
  title: string;
  loadingText: string;
  refreshLabel: string;
  pairing: {
    heading: string;
    phoneLabel: string;
    phoneHint: string;
    submitLabel: string;
    copyLabel: string;
    copiedLabel: string;
  };
}

/**
 * The panel's static shell. The CSP allows nothing by default: the script and
 * the stylesheet only by nonce (both are the extension's own files, inlined),
 * images only as data: URIs (the QR). Dynamic content arrives by message and
 * is set as text or as a validated data: URI.
 */
export function buildQrHtml(input: QrHtmlInput): string {
  const csp = [
    "default-src 'none'",
    'img-src data:',
    `style-src 'nonce-${input.nonce}'`,
    `script-src 'nonce-${input.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const e = escapeHtml;
  const p = input.pairing;
  return `<!DOCTYPE html>
<html lang="${e(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${e(input.nonce)}">
${input.style}</style>
<title>${e(input.title)}</title>
</head>
<body>
<main id="app" data-state="loading" aria-busy="true">
  <header class="bar">
    <h1 id="headline">${e(input.loadingText)}</h1>
    <button id="refresh" type="button" data-action="refresh">${e(input.refreshLabel)}</button>
  </header>
  <section class="stage">
    <div class="card" id="card">
      <img id="qr" alt="" hidden>
      <div class="spinner" id="spinner" aria-hidden="true"></div>
      <div class="overlay" id="overlay" hidden></div>
    </div>
  </section>
  <p id="status" class="status" role="status" aria-live="polite">
    <span id="countdown"></span>
    <span id="fetched-at"></span>
  </p>
  <p id="message" class="message"></p>
  <div id="actions" class="actions"></div>
  <ul id="tips" class="tips" hidden></ul>
  <details id="pairing" class="pairing" data-state="idle">
    <summary>${e(p.heading)}</summary>
    <form id="pairing-form" class="pairing-form" novalidate>
      <label for="phone">${e(p.phoneLabel)}</label>
      <div class="pairing-row">
        <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="20"
          placeholder="5511999999999" aria-describedby="phone-hint">
        <button id="pairing-submit" type="submit">${e(p.submitLabel)}</button>
      </div>
      <small id="phone-hint">${e(p.phoneHint)}</small>
    </form>
    <div id="pairing-result" class="pairing-result" hidden>
      <output id="pairing-code" class="pairing-code"></output>
      <button id="pairing-copy" type="button" class="secondary" data-action="copyPairingCode" data-in-webview="flashCopied" data-copied="${e(p.copiedLabel)}">${e(p.copyLabel)}</button>
    </div>
    <p id="pairing-message" class="pairing-message" role="status" aria-live="polite"></p>
    <p id="pairing-countdown" class="pairing-countdown"></p>
  </details>
</main>
<script nonce="${e(input.nonce)}">
${input.script}</script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
