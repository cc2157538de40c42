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
   *   actions: Action[], tips?: string[] }} PanelState
   */

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
    renderActions(s.actions);
    renderTips(s.tips);
    startCountdown(s.countdownTo, s.countdownText);
  }

  /** @param {Action[]} actions */
  function renderActions(actions) {
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
    if (first && document.activeElement === document.body) first.focus();
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
      countdown.textContent = text.replace('{0}', String(seconds));
    };
    tick();
    if (to !== undefined) ticker = setInterval(tick, 1000);
  }

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = target.closest('button[data-action]');
    if (button instanceof HTMLButtonElement) {
      vscode.postMessage({ type: 'action', action: button.dataset.action });
    }
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
