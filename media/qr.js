// @ts-check
// The QR panel's script. It renders what the extension sends and reports
// clicks; it holds no secrets and makes no requests of its own. Its message
// types are the extension's own (media/jsconfig.json checks them).
/**
 * @typedef {import('../src/qr/protocol').ToWebview} ToWebview
 * @typedef {import('../src/qr/protocol').PanelContent} PanelContent
 * @typedef {import('../src/qr/protocol').PairingContent} PairingContent
 * @typedef {import('../src/qr/panelActions').PanelButton} PanelButton
 * @typedef {import('../src/qr/panelActions').PanelAction} PanelAction
 */
(function () {
  const vscode = acquireVsCodeApi();
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const app = byId('app');
  const qr = /** @type {HTMLImageElement} */ (byId('qr'));
  const countdown = byId('countdown');
  /** @type {number | undefined} */
  let ticker;
  /** @type {number | undefined} */
  let pairingTicker;
  /** @type {Map<string, PanelButton>} */
  const buttons = new Map();

  /**
   * @param {PanelContent} s
   * @returns {Promise<void> | undefined} when a new image is decoding, its end
   */
  function render(s) {
    /** @type {Promise<void> | undefined} */
    let decoded;
    // The image first: it decodes off the main thread while the rest of the page is updated.
    // Only data: URIs built by the extension from validated bytes reach here.
    if (s.image && s.image.startsWith('data:image/')) {
      if (qr.src !== s.image) {
        qr.src = s.image;
        // Tells the extension when the image is really on screen, for the timing breakdown.
        decoded = qr.decode().then(
          () => vscode.postMessage({ type: 'qrShown' }),
          () => undefined,
        );
      }
      qr.alt = s.imageAlt ?? '';
      qr.hidden = false;
    } else {
      qr.removeAttribute('src');
      qr.hidden = true;
    }
    app.dataset.state = s.phase;
    app.setAttribute('aria-busy', String(s.phase === 'loading' || s.phase === 'checking'));
    app.classList.toggle('stale', Boolean(s.stale));
    byId('headline').textContent = s.headline;
    byId('message').textContent = s.message ?? '';
    byId('fetched-at').textContent = s.fetchedAt ?? '';
    byId('overlay').hidden = !(s.phase === 'expired' || s.stale);
    byId('overlay').textContent = s.phase === 'expired' ? s.headline : '';
    renderActions(s.actions, s.phase === 'error' || s.phase === 'expired');
    renderTips(s.tips);
    startCountdown(s.countdownTo, s.countdownText);
    if (s.pairing) renderPairing(s.pairing);
    return decoded;
  }

  /** @param {PairingContent} p */
  function renderPairing(p) {
    const section = byId('pairing');
    section.dataset.state = p.phase;
    if (p.phase !== 'idle') /** @type {HTMLDetailsElement} */ (section).open = true;
    const phone = /** @type {HTMLInputElement} */ (byId('phone'));
    if (p.phone && document.activeElement !== phone && phone.value === '') phone.value = p.phone;
    byId('pairing-result').hidden = !p.code;
    byId('pairing-code').textContent = p.code ?? '';
    byId('pairing-message').textContent = p.message ?? '';
    const submit = /** @type {HTMLButtonElement} */ (byId('pairing-submit'));
    const label = submit.dataset.label ?? submit.textContent ?? '';
    submit.dataset.label = label;
    if (pairingTicker !== undefined) clearInterval(pairingTicker);
    const tick = () => {
      const now = Date.now();
      const wait = p.waitUntil !== undefined ? Math.ceil((p.waitUntil - now) / 1000) : 0;
      submit.disabled = p.phase === 'loading' || wait > 0;
      submit.textContent = wait > 0 && p.waitText ? p.waitText.replace('%s', String(wait)) : label;
      const left = p.countdownTo !== undefined ? Math.max(0, Math.ceil((p.countdownTo - now) / 1000)) : undefined;
      byId('pairing-countdown').textContent =
        left !== undefined && p.countdownText ? p.countdownText.replace('%s', String(left)) : '';
    };
    tick();
    if (p.waitUntil !== undefined || p.countdownTo !== undefined) pairingTicker = setInterval(tick, 1000);
  }

  /**
   * Copies the QR as an image where the webview may; otherwise the extension copies it as text.
   * @param {HTMLButtonElement} button
   * @param {PanelAction} action
   */
  async function copyQrImage(button, action) {
    try {
      // Decoded here rather than fetched: the CSP allows no fetch, not even of data: URIs.
      const [head, base64] = qr.src.split(',');
      const type = head.slice('data:'.length, head.indexOf(';'));
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type });
      await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
      flash(button);
    } catch {
      vscode.postMessage({ type: 'action', action });
    }
  }

  /** @param {HTMLButtonElement | null} button */
  function flash(button) {
    const copied = byId('pairing-copy').dataset.copied;
    if (!button || !copied) return;
    const label = button.textContent;
    button.textContent = copied;
    setTimeout(() => (button.textContent = label), 1500);
  }

  /** The buttons on screen, so that a render with the same ones leaves them (and the keyboard focus) alone. */
  let shownActions = '';

  /** @param {PanelButton[]} actions @param {boolean} focusFirst the button is the way forward: put the keyboard on it */
  function renderActions(actions, focusFirst) {
    const box = byId('actions');
    for (const a of actions) buttons.set(a.id, a);
    const signature = JSON.stringify(actions.map((a) => [a.id, a.label, Boolean(a.primary)]));
    if (signature === shownActions) return;
    shownActions = signature;
    box.replaceChildren(
      ...actions.map((a) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.action = a.id;
        button.textContent = a.label;
        if (!a.primary) button.classList.add('secondary');
        return button;
      }),
    );
    const first = /** @type {HTMLButtonElement | null} */ (box.querySelector('button'));
    // Only within the panel: a render while the user types in a prompt must not take the keyboard away.
    if (focusFirst && first && document.hasFocus() && document.activeElement === document.body) first.focus();
  }

  /** @param {string[] | undefined} tips */
  function renderTips(tips) {
    const list = byId('tips');
    list.replaceChildren(
      ...(tips ?? []).map((tip) => {
        const item = document.createElement('li');
        item.textContent = tip;
        return item;
      }),
    );
    list.hidden = !tips || tips.length === 0;
  }

  /** @param {number | undefined} to @param {string | undefined} text */
  function startCountdown(to, text) {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
    const tick = () => {
      if (to === undefined || !text) {
        countdown.textContent = '';
        return;
      }
      const seconds = Math.max(0, Math.ceil((to - Date.now()) / 1000));
      countdown.textContent = text.replace('%s', String(seconds));
    };
    tick();
    if (to !== undefined) ticker = setInterval(tick, 1000);
  }

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = target.closest('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    const action = /** @type {PanelAction} */ (button.dataset.action);
    // The static pairing button is not in a render's action list; its behaviour is the table's too.
    const behaviour = buttons.get(action)?.inWebview ?? button.dataset.inWebview;
    if (behaviour === 'copyImage' && qr.src) {
      void copyQrImage(button, action);
      return;
    }
    if (behaviour === 'flashCopied') flash(button);
    vscode.postMessage({ type: 'action', action });
  });

  byId('pairing-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const phone = /** @type {HTMLInputElement} */ (byId('phone')).value;
    vscode.postMessage({ type: 'pairingCode', phone });
  });

  /** @type {ToWebview | undefined} */
  let latest;

  /** @param {ToWebview} message */
  function show(message) {
    latest = message;
    const decoded = render(message.content);
    // Saved once a new image is on screen: saving is work for the workbench, whose thread
    // also paints this page. Always the latest message, whichever decode ends last.
    if (decoded) void decoded.then(save);
    else save();
  }

  // Kept for a hidden-then-shown panel and for a reload: the instance and what was on screen,
  // never the phone number or a pairing code.
  function save() {
    if (!latest) return;
    vscode.setState({ instance: latest.instance, content: { ...latest.content, pairing: { phase: 'idle' } } });
  }

  window.addEventListener('message', (event) => {
    const message = /** @type {ToWebview | undefined} */ (event.data);
    if (message && message.type === 'render' && message.content) show(message);
  });

  // After the panel was hidden (and its page discarded) show the last state at once.
  const saved = vscode.getState();
  if (saved && saved.content) render(saved.content);
  vscode.postMessage({ type: 'ready' });
})();
