// A stand-in for VS Code's webview API in the preview harness: answers `webview/ready` with the sample state,
// applies ticks and notes like the host would, and records CSP violations on <html data-csp-violations>.
(function () {
  const params = new URLSearchParams(location.search);
  const state = window.__PREVIEW_STATE__;
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    document.documentElement.setAttribute('data-csp-violations', String(violations.length));
    document.documentElement.setAttribute('data-csp-last', violations[violations.length - 1]);
  });
  document.documentElement.setAttribute('data-csp-violations', '0');
  const send = (message) => window.postMessage(message, '*');
  const ui = {
    tab: params.get('tab') || 'overview',
    feature: params.get('feature'),
    histMode: params.get('mode') || 'share',
  };
  const posted = [];
  // `?do=click:city drifted;key:ArrowDown;type:some note` replays user actions after the first render, so a
  // screenshot can show the result of an interaction (buttons are found by their text).
  const actions = (params.get('do') || '').split(';').filter(Boolean);
  const replay = () => {
    const step = actions.shift();
    if (!step) return;
    const [kind, ...rest] = step.split(':');
    const arg = rest.join(':');
    if (kind === 'click') {
      const all = [...document.querySelectorAll('button, vscode-button, vscode-tab-header, vscode-checkbox')];
      const el = all.find((b) => b.textContent.trim() === arg) || all.find((b) => b.textContent.includes(arg));
      // Custom elements handle clicks on their inner label (as a real pointer click would hit it).
      if (el) (el.shadowRoot?.querySelector('label') ?? el).click();
    } else if (kind === 'key') {
      const target = document.activeElement && document.activeElement !== document.body ? document.activeElement : document.querySelector('table[role=grid]');
      target.dispatchEvent(new KeyboardEvent('keydown', { key: arg, bubbles: true }));
    } else if (kind === 'hover') {
      const [x, y] = arg.split(',').map(Number);
      const el = document.elementFromPoint(x, y);
      for (const type of ['pointermove', 'mousemove']) {
        const Ctor = type === 'pointermove' ? PointerEvent : MouseEvent;
        el?.dispatchEvent(new Ctor(type, { clientX: x, clientY: y, bubbles: true }));
      }
    } else if (kind === 'mark') {
      // Record which element has focus (read back from the dumped DOM).
      document.documentElement.setAttribute('data-active', document.activeElement?.tagName ?? 'none');
    } else if (kind === 'focus') {
      document.querySelector(arg)?.focus();
    } else if (kind === 'type') {
      const area = document.activeElement;
      if (area && 'value' in area) {
        area.value = arg;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
    setTimeout(replay, 300);
  };
  window.acquireVsCodeApi = () => ({
    getState: () => JSON.parse(sessionStorage.getItem('ui') || 'null') || ui,
    setState: (s) => sessionStorage.setItem('ui', JSON.stringify(s)),
    postMessage: (m) => {
      console.log('webview → host', JSON.stringify(m));
      posted.push(m.method === 'note/set' ? `${m.method} ${m.params.key}=${m.params.text}` : m.method);
      document.documentElement.setAttribute('data-posted', posted.join(' | '));
      if (m.method === 'webview/ready') {
        send({ method: 'state/did-change', params: state });
        setTimeout(replay, 500);
      }
      if (m.method === 'check/set') {
        const c = state.userState.checks[m.params.id] || { checked: false, note: '' };
        state.userState.checks[m.params.id] = { ...c, checked: m.params.checked };
        send({ method: 'state/did-change', params: state });
      }
      if (m.method === 'note/set') {
        const [kind, ...rest] = m.params.key.split(':');
        const id = rest.join(':');
        if (kind === 'check') {
          const c = state.userState.checks[id] || { checked: false, note: '' };
          state.userState.checks[id] = { ...c, note: m.params.text };
        } else state.userState.notes[m.params.key] = m.params.text;
        send({ method: 'state/did-change', params: state });
      }
    },
  });
})();
