// Draws a directed graph laid out by dagre (a WebJar) as SVG: node kinds told apart by shape and colour,
// versions on a second line, the bound's frontier dashed, edges only declared (static lineage) dashed, click (or Enter) to open a node's page, a node's
// "expand" to grow the graph in place, wheel or buttons to zoom, drag to pan, "Fit" to see it all.
import {collapse, href} from './model.js';

const SVG = 'http://www.w3.org/2000/svg';
const SHAPES = {
  dataset: 'rect', datasetVersion: 'rect', field: 'rect', job: 'pill', jobVersion: 'pill', run: 'pill',
  model: 'hex', modelVersion: 'hex', decision: 'diamond', environment: 'rect', alert: 'diamond', redacted: 'rect', more: 'pill', unknown: 'rect',
};
const LEGEND = [['datasetVersion', 'dataset'], ['run', 'run / job'], ['modelVersion', 'model version'], ['decision', 'decision'],
  ['environment', 'environment'], ['redacted', 'redacted']];

function el(name, attributes = {}, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

function shape(kind, w, h, g) {
  const x = -w / 2;
  const y = -h / 2;
  switch (SHAPES[kind] ?? 'rect') {
    case 'pill': return el('rect', {x, y, width: w, height: h, rx: h / 2}, g);
    case 'hex': return el('polygon', {points: [[x + 10, y], [x + w - 10, y], [x + w, 0], [x + w - 10, -y], [x + 10, -y], [x, 0]].map(p => p.join(',')).join(' ')}, g);
    case 'diamond': return el('polygon', {points: [[0, y - 4], [-x + 8, 0], [0, -y + 4], [x - 8, 0]].map(p => p.join(',')).join(' ')}, g);
    default: return el('rect', {x, y, width: w, height: h, rx: 4}, g);
  }
}

/**
 * Renders the graph into container. options: onExpand(node) → Promise<graph to merge> for nodes that can grow,
 * canExpand(node), limit (siblings shown before "+N more").
 */
export function drawGraph(container, graph, options = {}) {
  const state = {graph, expanded: new Set(), view: null};
  container.classList.add('graph');
  container.innerHTML = '';
  const bar = document.createElement('div');
  bar.className = 'graph-bar';
  bar.innerHTML = '<button type="button" data-act="fit">Fit</button><button type="button" data-act="in" aria-label="Zoom in">+</button>'
    + '<button type="button" data-act="out" aria-label="Zoom out">−</button><span class="graph-count muted"></span>'
    + '<span class="legend">' + LEGEND.map(([k, t]) => `<span class="lg k-${k}">${t}</span>`).join('')
    + (graph.edges.some(e => e.declaredOnly) ? '<span class="lg-edge declared-only" title="declared in static lineage, not seen in any run">declared only</span>' : '')
    + '</span>';
  container.appendChild(bar);
  const svg = el('svg', {role: 'img', 'aria-label': 'graph', class: 'graph-svg'});
  container.appendChild(svg);

  function layout() {
    const shown = collapse(state.graph, options.limit ?? 12, state.expanded);
    const g = new dagre.graphlib.Graph({multigraph: false});
    g.setGraph({rankdir: 'LR', nodesep: 18, ranksep: 60, marginx: 20, marginy: 20});
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of shown.nodes) {
      const chars = Math.max(n.title.length, (n.sub ?? '').length);
      g.setNode(n.id, {width: Math.min(230, Math.max(90, chars * 7 + 24)), height: 40, data: n});
    }
    for (const e of shown.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, {kind: e.kind, declaredOnly: e.declaredOnly});
    dagre.layout(g);
    return {g, shown};
  }

  function render() {
    const {g, shown} = layout();
    svg.innerHTML = '';
    const defs = el('defs', {}, svg);
    const marker = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'}, defs);
    el('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow'}, marker);
    const root = el('g', {class: 'graph-root'}, svg);
    for (const e of g.edges()) {
      const points = g.edge(e).points;
      const d = points.map((p, i) => (i === 0 ? 'M' : 'L') + p.x.toFixed(1) + ',' + p.y.toFixed(1)).join(' ');
      const declaredOnly = g.edge(e).declaredOnly;
      const path = el('path', {d, class: declaredOnly ? 'edge declared-only' : 'edge', 'marker-end': 'url(#arrow)'}, root);
      const kind = g.edge(e).kind;
      const says = [kind, declaredOnly ? 'declared (static lineage), not seen in any run' : ''].filter(Boolean).join(': ');
      if (says) el('title', {}, path).textContent = says;
    }
    for (const id of g.nodes()) {
      const box = g.node(id);
      const n = box.data;
      const classes = ['node', 'k-' + n.kind];
      if (n.focus) classes.push('focus');
      if (n.cut) classes.push('cut');
      const link = href(n.id);
      const group = el('g', {class: classes.join(' '), transform: `translate(${box.x},${box.y})`, tabindex: 0, 'data-id': n.id,
        role: link || n.kind === 'more' ? 'link' : 'img'}, root);
      el('title', {}, group).textContent = n.kind === 'redacted' ? 'outside the namespaces this key may read'
        : n.cut ? n.id + ' (a bound stopped the answer here)' : n.id;
      shape(n.kind, box.width, box.height, group);
      const t = el('text', {y: n.sub ? -3 : 4, 'text-anchor': 'middle', class: 'title'}, group);
      t.textContent = n.title.length > 30 ? n.title.slice(0, 29) + '…' : n.title;
      if (n.sub) {
        const s = el('text', {y: 12, 'text-anchor': 'middle', class: 'sub'}, group);
        s.textContent = n.sub;
      }
      if (options.canExpand?.(n)) {
        const plus = el('g', {class: 'expand', transform: `translate(${box.width / 2 - 2},${-box.height / 2 + 2})`, 'data-expand': n.id}, group);
        el('circle', {r: 8}, plus);
        el('text', {y: 4, 'text-anchor': 'middle'}, plus).textContent = '+';
        el('title', {}, plus).textContent = 'expand upstream in place';
      }
    }
    const count = bar.querySelector('.graph-count');
    count.textContent = `${state.graph.nodes.length} nodes, ${state.graph.edges.length} edges`;
    // Fit, but never magnify: a small graph is drawn at its natural size, centred.
    const size = g.graph();
    const box = svg.getBoundingClientRect();
    const w = Math.max(size.width, box.width || 200);
    const h = Math.max(size.height, box.height || 120);
    state.full = {x: (size.width - w) / 2, y: (size.height - h) / 2, w, h};
    state.view ??= {...state.full};
    applyView();
    svg.onclick = event => act(event.target);
    svg.onkeydown = event => {
      if (event.key === 'Enter' || event.key === '+') {
        const target = event.target.closest('[data-id]');
        if (target) {
          event.preventDefault();
          act(event.key === '+' ? target.querySelector('[data-expand]') ?? target : target);
        }
      }
    };
    return shown;
  }

  async function act(target) {
    const expand = target?.closest?.('[data-expand]');
    const nodeEl = target?.closest?.('[data-id]');
    if (!nodeEl) return;
    const n = state.graph.nodes.find(x => x.id === nodeEl.dataset.id) ?? {id: nodeEl.dataset.id, kind: 'more'};
    if (nodeEl.dataset.id.startsWith('more:')) {
      state.expanded.add(nodeEl.dataset.id.slice('more:'.length));
      state.view = null;
      render();
      return;
    }
    if (expand && options.onExpand) {
      const more = await options.onExpand(n);
      if (more) {
        state.graph = options.merge(state.graph, more);
        state.view = null;
        render();
      }
      return;
    }
    const link = href(n.id);
    if (link) options.navigate?.(link);
  }

  function applyView() {
    const v = state.view;
    svg.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
  }

  function zoom(factor, cx = 0.5, cy = 0.5) {
    const v = state.view;
    const w = v.w * factor;
    const h = v.h * factor;
    state.view = {x: v.x + (v.w - w) * cx, y: v.y + (v.h - h) * cy, w, h};
    applyView();
  }

  bar.addEventListener('click', event => {
    const a = event.target.dataset?.act;
    if (a === 'fit') { state.view = {...state.full}; applyView(); }
    if (a === 'in') zoom(0.8);
    if (a === 'out') zoom(1.25);
  });
  svg.addEventListener('wheel', event => {
    event.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 0.9 : 1.1, (event.clientX - r.left) / r.width, (event.clientY - r.top) / r.height);
  }, {passive: false});
  let drag = null;
  svg.addEventListener('pointerdown', event => {
    if (event.target.closest('[data-id]')) return;
    drag = {x: event.clientX, y: event.clientY, view: {...state.view}};
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', event => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const scale = drag.view.w / r.width;
    state.view = {...drag.view, x: drag.view.x - (event.clientX - drag.x) * scale, y: drag.view.y - (event.clientY - drag.y) * scale};
    applyView();
  });
  svg.addEventListener('pointerup', () => { drag = null; });
  render();
  return {nodeCount: () => state.graph.nodes.length};
}
