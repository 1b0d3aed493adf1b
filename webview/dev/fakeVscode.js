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
  window.acquireVsCodeApi = () => ({
    getState: () => JSON.parse(sessionStorage.getItem('ui') || 'null') || ui,
    setState: (s) => sessionStorage.setItem('ui', JSON.stringify(s)),
    postMessage: (m) => {
      console.log('webview → host', JSON.stringify(m));
      if (m.method === 'webview/ready') send({ method: 'state/did-change', params: state });
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
