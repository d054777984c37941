// The web UI's router: every /ui/... address is one page type; links inside the app change the address
// without reloading (history.pushState), back/forward and reload show the same page again.
import {ApiError, AuthRequired, key, setKey} from './api.js';
import {escapeHtml as x, route} from './model.js';
import * as pages from './pages.js';

const main = document.getElementById('main');
let streams = [];

const ctx = {
  main,
  navigate(to) {
    history.pushState(null, '', to);
    show();
  },
  title(text) {
    document.title = text + ' · Headwater';
  },
  /** Server-sent events read with fetch, so that the key goes in a header as everywhere else (EventSource cannot send one). */
  stream(path, onMessage, onOpen) {
    const controller = new AbortController();
    streams.push(controller);
    const headers = {Accept: 'text/event-stream', 'X-Requested-With': 'headwater-ui'};
    if (key()) headers.Authorization = 'Bearer ' + key();
    fetch(path, {headers, signal: controller.signal}).then(async response => {
      if (!response.ok) return;
      onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) onMessage(JSON.parse(data));
        }
      }
    }).catch(() => {});
  },
};

let generation = 0;

/**
 * The context of one navigation: once another has begun (a click, back, forward), this one's page writes into a
 * detached element, so that a slow answer never paints over the page the person is now on.
 */
function contextOf(mine) {
  const detached = document.createElement('main');
  return {
    ...ctx,
    get main() { return mine === generation ? main : detached; },
    title(text) { if (mine === generation) ctx.title(text); },
  };
}

async function show() {
  streams.forEach(s => s.abort());
  streams = [];
  const view = contextOf(++generation);
  const r = route(location.pathname, location.search);
  showWho();
  if (!r) {
    main.innerHTML = '<h1>Not a page</h1><p>Start at <a href="/ui/">the home page</a>.</p>';
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    await pages[r.page](r.params, view);
  } catch (e) {
    if (view.main !== main) return;
    if (e instanceof AuthRequired) signIn(e.message);
    else if (e instanceof ApiError) main.innerHTML = `<h1>${e.status === 404 ? 'Not found' : 'Could not show this'}</h1><p class="banner warn" role="alert">${x(e.message)}</p>`;
    else {
      main.innerHTML = `<h1>Could not show this</h1><p class="banner warn" role="alert">${x(e.message)}</p>`;
      console.warn(e);
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
  document.querySelector('#search-q').value = r.page === 'search' ? r.params.q : '';
}

function signIn(reason) {
  document.title = 'Sign in · Headwater';
  main.innerHTML = `<h1>Sign in</h1><p>${x(reason)}.</p><form id="sign-in" class="inline big"><label for="api-key">API key</label>`
    + '<input id="api-key" name="key" type="password" autocomplete="off" required placeholder="hwk_…"><button type="submit">Sign in</button></form>'
    + '<p class="muted">A reader key shows everything but the audit; on the dev stack <code>./headwater key reader</code> prints one. '
    + 'It is kept for this tab only and sent as <code>Authorization: Bearer</code>.</p>';
  main.querySelector('#sign-in').addEventListener('submit', event => {
    event.preventDefault();
    setKey(new FormData(event.target).get('key'));
    show();
  });
  main.querySelector('#api-key').focus();
}

function showWho() {
  const who = document.getElementById('who');
  const k = key();
  who.innerHTML = k ? `key ${x(k.slice(0, 16))}… <button type="button" id="sign-out">Sign out</button>` : '';
  who.querySelector('#sign-out')?.addEventListener('click', () => {
    setKey(null);
    show();
  });
}

document.addEventListener('click', event => {
  const copy = event.target.closest?.('[data-copy]');
  if (copy) {
    navigator.clipboard?.writeText(copy.dataset.copy).then(() => { copy.textContent = 'Copied'; }, () => { copy.textContent = 'Select and copy'; });
    return;
  }
  const a = event.target.closest?.('a[href]');
  if (!a || a.target || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin === location.origin && url.pathname.startsWith('/ui')) {
    event.preventDefault();
    ctx.navigate(url.pathname + url.search);
  }
});

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  const q = new FormData(event.target).get('q').trim();
  if (q) ctx.navigate('/ui/search?q=' + encodeURIComponent(q));
});

window.addEventListener('popstate', show);
show();
