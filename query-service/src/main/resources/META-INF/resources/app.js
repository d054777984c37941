import {escapeHtml, renderAlert, renderProvenance, renderSearch} from './view.js';

async function fetchJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ?? body.title ?? response.statusText);
  return body;
}

function showError(target, error) {
  target.innerHTML = `<p class="partial">${escapeHtml(error.message)}</p>`;
}

document.getElementById('decision-form').addEventListener('submit', async event => {
  event.preventDefault();
  const id = document.getElementById('decision').value.trim();
  const asOf = document.getElementById('asof').value.trim();
  const target = document.getElementById('provenance');
  history.replaceState(null, '', '#' + encodeURIComponent(id));
  try {
    const url = `/api/v1/decisions/${encodeURIComponent(id)}/provenance${asOf ? '?asOf=' + encodeURIComponent(asOf) : ''}`;
    target.innerHTML = renderProvenance(await fetchJson(url));
  } catch (e) {
    showError(target, e);
  }
});

document.getElementById('search-form').addEventListener('submit', async event => {
  event.preventDefault();
  const target = document.getElementById('search');
  try {
    target.innerHTML = renderSearch(await fetchJson('/api/v1/search?q=' + encodeURIComponent(document.getElementById('q').value.trim())));
  } catch (e) {
    showError(target, e);
  }
});

const alerts = document.getElementById('alerts');
fetchJson('/api/v1/alerts?limit=50').then(list => { alerts.innerHTML = list.map(renderAlert).join(''); }).catch(e => showError(alerts, e));
const stream = new EventSource('/api/v1/alerts/stream');
stream.onopen = () => { document.getElementById('live').textContent = '(live)'; };
stream.onmessage = message => { alerts.insertAdjacentHTML('afterbegin', renderAlert(JSON.parse(message.data))); };

if (location.hash.length > 1) {
  document.getElementById('decision').value = decodeURIComponent(location.hash.slice(1));
  document.getElementById('decision-form').requestSubmit();
}
