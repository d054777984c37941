// What the pages show, computed from the API's answers: links, labels, graphs, series, tables.
// Pure functions (no DOM), so that Node's test runner checks them as the browser runs them
// (query-service/src/test/js).

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

const enc = encodeURIComponent;

/** The kind of a node id: dataset, datasetVersion, field, job, jobVersion, run, model, modelVersion, decision, environment, alert, redacted. */
export function kindOfId(id) {
  if (!id) return 'unknown';
  if (id.startsWith('redacted:')) return 'redacted';
  const prefix = id.slice(0, id.indexOf(':'));
  const versioned = id.includes('#');
  switch (prefix) {
    case 'dataset': return versioned ? 'datasetVersion' : 'dataset';
    case 'datasetField': return 'field';
    case 'job': return versioned ? 'jobVersion' : 'job';
    case 'run': return 'run';
    case 'model': return versioned ? 'modelVersion' : 'model';
    case 'decision': return 'decision';
    case 'environment': return 'environment';
    case 'alert': return 'alert';
    default: return 'unknown';
  }
}

/** The API's node type (DATASET_VERSION, ...) as the kind names above. */
export function kindOfType(type) {
  return ({DATASET: 'dataset', DATASET_VERSION: 'datasetVersion', DATASET_FIELD: 'field', JOB: 'job', JOB_VERSION: 'jobVersion', RUN: 'run',
    MODEL: 'model', MODEL_VERSION: 'modelVersion', DECISION: 'decision', ENVIRONMENT: 'environment', ALERT: 'alert'})[type] ?? 'unknown';
}

/** Without the #version: the dataset of a dataset version, the job of a job version. */
export function unversioned(id) {
  const hash = id.indexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/** The page of a node id, or null where there is none (a redacted node). */
export function href(id) {
  const kind = kindOfId(id);
  switch (kind) {
    case 'dataset': case 'datasetVersion': case 'field': return '/ui/datasets/' + enc(kind === 'field' ? id.replace(/^datasetField:(.*):[^:]*$/, 'dataset:$1') : id);
    case 'job': case 'jobVersion': return '/ui/jobs/' + enc(unversioned(id));
    case 'run': return '/ui/runs/' + enc(id.slice('run:'.length));
    case 'model': return '/ui/models';
    case 'modelVersion': {
      const [name, version] = id.slice('model:'.length).split('#');
      return `/ui/models/${enc(name)}/versions/${enc(version)}`;
    }
    case 'decision': return '/ui/decisions/' + enc(id.slice('decision:'.length));
    case 'environment': return '/ui/search?q=' + enc(id.slice('environment:'.length));
    default: return null;
  }
}

/** An id as a link to its page (escaped), or as plain code where it has none. */
export function idLink(id, text) {
  if (id == null || id === '') return '';
  const target = href(id);
  const shown = escapeHtml(text ?? id);
  if (target) return `<a href="${escapeHtml(target)}"><code>${shown}</code></a>`;
  return kindOfId(id) === 'redacted' ? `<code class="redacted" title="outside the namespaces this key may read">${shown}</code>` : `<code>${shown}</code>`;
}

/** A short label and a second line (the version) for a node of a graph. */
export function label(id, name) {
  const kind = kindOfId(id);
  const hash = id.indexOf('#');
  const version = hash < 0 ? '' : id.slice(hash + 1);
  const short = v => (v.length > 14 ? v.slice(0, 8) + '…' : v);
  const base = hash < 0 ? id : id.slice(0, hash);
  const last = s => {
    const cut = s.replace(/^[a-zA-Z]+:/, '');
    const parts = cut.split(/[/:]/).filter(Boolean);
    return parts.length ? parts[parts.length - 1] : cut;
  };
  switch (kind) {
    case 'redacted': return {title: 'redacted', sub: 'another namespace'};
    case 'run': return {title: name && !/^[0-9a-f-]{36}$/.test(name) ? name : 'run ' + id.slice(4, 12), sub: ''};
    case 'decision': return {title: id.slice('decision:'.length), sub: 'decision'};
    case 'modelVersion': return {title: base.slice('model:'.length), sub: 'v' + version};
    case 'environment': return {title: 'environment', sub: id.slice('environment:'.length, 'environment:'.length + 10)};
    case 'job': case 'jobVersion': return {title: last(base).replace(/\.adaptive_spark_plan\./, ' › '), sub: version ? 'code ' + short(version) : ''};
    default: return {title: last(base), sub: version ? 'v ' + short(version) : ''};
  }
}

/** The provenance answer as a graph for drawing: nodes with kind and label, edges with kind; the bound's frontier marked. */
export function provenanceGraph(p) {
  const nodes = (p.graph?.nodes ?? []).map(n => node(n.id, n.redacted ? 'redacted' : kindOfType(n.type), n.name));
  const edges = (p.graph?.edges ?? []).map(e => ({from: e.origin, to: e.destination, kind: e.kind}));
  if (p.partial) markFrontier(nodes, edges);
  return {nodes, edges};
}

/** Marquez's lineage answer ({graph: [{id, type, inEdges, outEdges}]}) as a graph for drawing; edges only declared, never observed, marked. */
export function lineageGraph(answer, focus) {
  const list = answer.graph ?? [];
  const nodes = list.map(n => node(n.id, n.data?.redacted ? 'redacted' : kindOfType(n.type), n.data?.name, n.id === focus));
  const seen = new Set();
  const edges = [];
  for (const n of list) {
    for (const e of [...(n.inEdges ?? []), ...(n.outEdges ?? [])]) {
      const key = e.origin + '>' + e.destination;
      if (!seen.has(key)) {
        seen.add(key);
        // Static lineage (a JobEvent) that no run has shown: drawn apart, so a declared but unused input is seen.
        edges.push({from: e.origin, to: e.destination, kind: '', declaredOnly: e.declared === true && e.observed !== true});
      }
    }
  }
  if (answer.partial) markFrontier(nodes, edges);
  return {nodes, edges};
}

function node(id, kind, name, focus = false) {
  const l = label(id, name);
  return {id, kind, title: l.title, sub: l.sub, focus, cut: false};
}

/** Where a bound cut the answer short: the nodes with nothing drawn upstream of them. */
function markFrontier(nodes, edges) {
  const hasUpstream = new Set(edges.map(e => e.to));
  for (const n of nodes) {
    if (!hasUpstream.has(n.id) && (n.kind === 'datasetVersion' || n.kind === 'dataset' || n.kind === 'field')) n.cut = true;
  }
}

/** A graph in which node {@code from} is called {@code to}: the upstream of a dataset attached to the version that was expanded. */
export function renamed(graph, from, to) {
  const id = v => (v === from ? to : v);
  return {nodes: graph.nodes.filter(n => n.id !== from), edges: graph.edges.map(e => ({...e, from: id(e.from), to: id(e.to)}))};
}

/** Merges a second graph into the first (expanding a node in place), each node and edge once. */
export function merge(graph, more) {
  const ids = new Set(graph.nodes.map(n => n.id));
  const keys = new Set(graph.edges.map(e => e.from + '>' + e.to));
  const nodes = [...graph.nodes];
  const edges = [...graph.edges];
  for (const n of more.nodes) if (!ids.has(n.id)) { ids.add(n.id); nodes.push({...n, focus: false}); }
  for (const e of more.edges) if (!keys.has(e.from + '>' + e.to)) { keys.add(e.from + '>' + e.to); edges.push(e); }
  return {nodes, edges};
}

/**
 * Keeps a big graph readable: where one node has more than {@code limit} neighbours of one kind on one side,
 * the rest become one "+N more" node, unless that group was expanded. Returns the graph to draw.
 */
export function collapse(graph, limit = 12, expanded = new Set()) {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const groups = new Map();
  for (const e of graph.edges) {
    for (const [hub, other, side] of [[e.from, e.to, 'out'], [e.to, e.from, 'in']]) {
      const o = byId.get(other);
      if (!o) continue;
      const key = `${hub}|${side}|${o.kind}`;
      if (!groups.has(key)) groups.set(key, new Set());
      groups.get(key).add(other);
    }
  }
  const hidden = new Map();
  for (const [key, members] of groups) {
    if (members.size <= limit || expanded.has(key)) continue;
    // Only neighbours that hang off this hub alone are folded: a node with other ties stays visible.
    const degree = id => graph.edges.filter(e => e.from === id || e.to === id).length;
    const foldable = [...members].filter(id => degree(id) === 1).sort().slice(limit - 1);
    if (foldable.length > 1) hidden.set(key, foldable);
  }
  if (!hidden.size) return graph;
  const gone = new Set([...hidden.values()].flat());
  const nodes = graph.nodes.filter(n => !gone.has(n.id));
  const edges = graph.edges.filter(e => !gone.has(e.from) && !gone.has(e.to));
  for (const [key, members] of hidden) {
    const [hub, side, kind] = key.split('|');
    const id = 'more:' + key;
    nodes.push({id, kind: 'more', title: `+${members.length} more`, sub: kind, group: key, focus: false, cut: false});
    edges.push(side === 'out' ? {from: hub, to: id, kind: ''} : {from: id, to: hub, kind: ''});
  }
  return {nodes, edges};
}

/** A run's metrics as one series per name, ordered by step (a value without a step is its final value). */
export function metricSeries(metrics) {
  const series = {};
  for (const m of metrics ?? []) {
    (series[m.name] ??= []).push({x: m.step ?? null, y: m.value});
  }
  for (const name of Object.keys(series)) series[name].sort((a, b) => (a.x ?? Infinity) - (b.x ?? Infinity));
  return series;
}

/** Metrics logged per step (worth a plot): the names with more than one point. */
export function plottable(series) {
  return Object.keys(series).filter(n => series[n].filter(p => p.x != null).length > 1).sort();
}

/** The final value of each metric: the last step's, or the one logged without a step. */
export function finalMetrics(metrics) {
  const out = {};
  for (const [name, points] of Object.entries(metricSeries(metrics))) out[name] = points[points.length - 1].y;
  return out;
}

/** A link to a commit on a known code host, or null. */
export function commitUrl(repoUrl, commit) {
  if (!repoUrl || !commit) return null;
  const m = repoUrl.replace(/\.git$/, '').match(/^(?:https?:\/\/|git@)(github\.com|gitlab\.com|bitbucket\.org)[/:](.+)$/);
  if (!m) return null;
  const path = m[2].replace(/\/+$/, '');
  if (m[1] === 'bitbucket.org') return `https://bitbucket.org/${path}/commits/${commit}`;
  if (m[1] === 'gitlab.com') return `https://gitlab.com/${path}/-/commit/${commit}`;
  return `https://github.com/${path}/commit/${commit}`;
}

/** Milliseconds as a person reads a duration. */
export function duration(ms) {
  if (ms == null) return '';
  const s = Math.round(ms / 1000);
  if (s < 60) return s + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Rows as CSV (RFC 4180 quoting), a header first. */
export function csv(header, rows) {
  const cell = v => {
    const s = v == null ? '' : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return [header, ...rows].map(r => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An impact answer as table rows: kind, id, decisions. */
export function impactRows(impact) {
  const rows = [];
  for (const j of impact.jobs ?? []) rows.push(['job', j, '']);
  for (const r of impact.runs ?? []) rows.push(['run', r, '']);
  for (const d of impact.datasetVersions ?? []) rows.push(['dataset version', d, '']);
  for (const m of impact.modelVersions ?? []) rows.push(['model version', m.id, m.decisionCount]);
  return rows;
}

/** Open alerts of one model version. */
export function openAlerts(alerts, modelVersionId) {
  return (alerts ?? []).filter(a => a.state === 'OPEN' && (!modelVersionId || a.modelVersionId === modelVersionId));
}

/** The UI route of a path: {page, params}; null where the path is not one of the UI's. */
export function route(pathname, search = '') {
  const q = new URLSearchParams(search);
  const p = pathname.replace(/\/+$/, '') || '/';
  const dec = decodeURIComponent;
  let m;
  if (p === '/ui' || p === '/') return {page: 'home', params: {}};
  if ((m = p.match(/^\/ui\/decisions\/([^/]+)$/))) return {page: 'decision', params: {id: dec(m[1]), asOf: q.get('asOf')}};
  if ((m = p.match(/^\/ui\/runs\/([^/]+)$/))) return {page: 'run', params: {id: dec(m[1])}};
  if (p === '/ui/compare') return {page: 'compare', params: {runs: (q.get('runs') ?? '').split(',').map(s => s.trim()).filter(Boolean)}};
  if (p === '/ui/models') return {page: 'models', params: {severity: q.get('severity')}};
  if ((m = p.match(/^\/ui\/models\/([^/]+)\/versions\/([^/]+)$/))) return {page: 'modelVersion', params: {name: dec(m[1]), version: dec(m[2])}};
  if ((m = p.match(/^\/ui\/datasets\/([^/]+)$/))) return {page: 'dataset', params: lineageParams(dec(m[1]), q)};
  if ((m = p.match(/^\/ui\/jobs\/([^/]+)$/))) return {page: 'job', params: lineageParams(dec(m[1]), q)};
  if ((m = p.match(/^\/ui\/impact\/([^/]+)$/))) return {page: 'impact', params: {id: dec(m[1])}};
  if (p === '/ui/alerts') return {page: 'alerts', params: {}};
  if (p === '/ui/search') return {page: 'search', params: {q: q.get('q') ?? ''}};
  return null;
}

function lineageParams(id, q) {
  return {id, direction: q.get('direction') ?? 'both', depth: q.get('depth') ?? '3', asOf: q.get('asOf'), columns: q.get('columns') === 'true'};
}
