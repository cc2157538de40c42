// @ts-check
// The QR panel's script. It renders what the extension sends and reports
// clicks; it holds no secrets and makes no requests of its own.
(function () {
  const vscode = acquireVsCodeApi();
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const app = byId('app');
  const qr = /** @type {HTMLImageElement} */ (byId('qr'));
  const countdown = byId('countdown');
  /** @type {number | undefined} */
  let ticker;

  /**
   * @typedef {{ id: string, label: string, primary?: boolean }} Action
   * @typedef {{ state: string, headline: string, message?: string, image?: string, imageAlt?: string,
   *   fetchedAt?: string, countdownTo?: number, countdownText?: string, stale?: boolean,
   *   actions: Action[], tips?: string[], pairing: Pairing }} PanelState
   * @typedef {{ state: string, phone?: string, code?: string, message?: string, countdownTo?: number,
   *   countdownText?: string, waitUntil?: number, waitText?: string }} Pairing
   */
  /** @type {number | undefined} */
  let pairingTicker;

  /** @param {PanelState} s */
  function render(s) {
    app.dataset.state = s.state;
    app.setAttribute('aria-busy', String(s.state === 'loading' || s.state === 'checking'));
    app.classList.toggle('stale', Boolean(s.stale));
    byId('headline').textContent = s.headline;
    byId('message').textContent = s.message ?? '';
    byId('fetched-at').textContent = s.fetchedAt ?? '';
    // Only data: URIs built by the extension from validated bytes reach here.
    if (s.image && s.image.startsWith('data:image/')) {
      qr.src = s.image;
      qr.alt = s.imageAlt ?? '';
      qr.hidden = false;
    } else {
      qr.removeAttribute('src');
      qr.hidden = true;
    }
    byId('overlay').hidden = !(s.state === 'expired' || s.stale);
    byId('overlay').textContent = s.state === 'expired' ? s.headline : '';
    renderActions(s.actions, s.state === 'error' || s.state === 'expired');
    renderTips(s.tips);
    startCountdown(s.countdownTo, s.countdownText);
    if (s.pairing) renderPairing(s.pairing);
  }

  /** @param {Pairing} p */
  function renderPairing(p) {
    const section = byId('pairing');
    section.dataset.state = p.state;
    if (p.state !== 'idle') /** @type {HTMLDetailsElement} */ (section).open = true;
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
      submit.disabled = p.state === 'loading' || wait > 0;
      submit.textContent = wait > 0 && p.waitText ? p.waitText.replace('%s', String(wait)) : label;
      const left = p.countdownTo !== undefined ? Math.max(0, Math.ceil((p.countdownTo - now) / 1000)) : undefined;
      byId('pairing-countdown').textContent = left !== undefined && p.countdownText ? p.countdownText.replace('%s', String(left)) : '';
    };
    tick();
    if (p.waitUntil !== undefined || p.countdownTo !== undefined) pairingTicker = setInterval(tick, 1000);
  }

  /** Copies the QR as an image where the webview may; otherwise the extension copies it as text. */
  async function copyQrImage() {
    try {
      // Decoded here rather than fetched: the CSP allows no fetch, not even of data: URIs.
      const [head, base64] = qr.src.split(',');
      const type = head.slice('data:'.length, head.indexOf(';'));
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type });
      await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
      flash(/** @type {HTMLButtonElement} */ (document.querySelector('button[data-action="copyQr"]')));
    } catch {
      vscode.postMessage({ type: 'action', action: 'copyQr' });
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

  /** @param {Action[]} actions @param {boolean} focusFirst the button is the way forward: put the keyboard on it */
  function renderActions(actions, focusFirst) {
    const box = byId('actions');
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
    if (focusFirst && first && document.activeElement === document.body) first.focus();
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
    if (button.dataset.action === 'copyQr' && qr.src) {
      void copyQrImage();
      return;
    }
    if (button.dataset.action === 'copyPairingCode') flash(button);
    vscode.postMessage({ type: 'action', action: button.dataset.action });
  });

  byId('pairing-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const phone = /** @type {HTMLInputElement} */ (byId('phone')).value;
    vscode.postMessage({ type: 'pairingCode', phone });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render' && message.state) {
      // The instance is saved too, so VS Code can bring the panel back after a reload.
      vscode.setState({ state: message.state, instance: message.instance });
      render(message.state);
    }
  });

  // After the panel was hidden (and its page discarded) show the last state at once.
  const saved = vscode.getState();
  if (saved && saved.state) render(saved.state);
  vscode.postMessage({ type: 'ready' });
})();
