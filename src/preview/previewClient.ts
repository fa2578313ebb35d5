// The preview page's script (an ES module the browser runs; kept as text here so the bundled
// CLI carries it). It draws every page of the chosen document with pdf.js, reloads the
// document when the server announces a build (keeping the scroll position: new pages are drawn
// off-screen and swapped in), shows a failed build's errors over the last good pages, and
// marks each located problem on its page, with the reason on hover and in the list beside.
export const PREVIEW_CLIENT_JS = String.raw`
import * as pdfjsLib from '/pdfjs/pdf.min.mjs';
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';

const tabs = document.getElementById('tabs');
const pagesEl = document.getElementById('pages');
const problemsEl = document.getElementById('problems');
const errorsEl = document.getElementById('errors');
const statusEl = document.getElementById('status');
let snapshot = null;
let active = decodeURIComponent(location.hash.slice(1)) || null;
let rendering = false;
let again = false;

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

function placeOf(e) {
  if (!e.file) return '';
  return e.file + (e.line !== undefined ? ':' + e.line + (e.col !== undefined ? ':' + e.col : '') : '');
}

function showErrors(errors) {
  errorsEl.textContent = '';
  document.body.classList.toggle('stale', errors.length > 0);
  if (!errors.length) {
    errorsEl.hidden = true;
    return;
  }
  errorsEl.append(el('h2', {}, errors.length === 1 ? 'The last save does not build' : 'The last save does not build: ' + errors.length + ' problems'));
  const ul = el('ul');
  for (const e of errors) {
    const li = el('li');
    const place = placeOf(e);
    if (place) li.append(el('span', { class: 'place' }, place), document.createTextNode(': '));
    li.append(el('span', { class: 'message' }, e.message));
    if (e.fix) li.append(el('span', { class: 'fix' }, 'Fix: ' + e.fix));
    ul.append(li);
  }
  errorsEl.append(ul, el('p', {}, 'The pages below are from the last good build.'));
  errorsEl.hidden = false;
}

function showTabs() {
  tabs.textContent = '';
  for (const d of snapshot.documents) {
    const b = el('button', { role: 'tab', 'aria-selected': String(d.name === active), 'data-doc': d.name }, d.name);
    b.addEventListener('click', () => {
      active = d.name;
      location.hash = encodeURIComponent(d.name);
      showTabs();
      pagesEl.dataset.rendered = '';
      render();
    });
    tabs.append(b);
  }
}

function showProblems(doc, pageBoxes) {
  problemsEl.textContent = '';
  problemsEl.append(el('h2', {}, 'Problems in ' + doc.name));
  if (!doc.problems.length) {
    problemsEl.append(el('p', { class: 'none' }, 'No overfull lines, widows, orphans, stranded headings or hyphen runs.'));
    return;
  }
  const ul = el('ul');
  doc.problems.forEach((p, i) => {
    const li = el('li', { 'data-kind': p.kind });
    const hl = p.box && pageBoxes[p.page] ? pageBoxes[p.page].querySelector('[data-problem="' + i + '"]') : null;
    if (hl) {
      const b = el('button', { type: 'button' }, 'p. ' + (p.page + 1) + ': ' + p.reason);
      b.addEventListener('click', () => {
        hl.scrollIntoView({ block: 'center', behavior: 'smooth' });
        hl.classList.add('active');
        setTimeout(() => hl.classList.remove('active'), 1500);
      });
      li.append(b);
    } else li.textContent = p.reason;
    ul.append(li);
  });
  problemsEl.append(ul);
}

async function drawDocument(doc) {
  const width = Math.min(900, pagesEl.clientWidth || 900);
  const ratio = window.devicePixelRatio || 1;
  const pdf = await pdfjsLib.getDocument({ url: '/doc/' + encodeURIComponent(doc.name) + '.pdf?v=' + doc.version, isEvalSupported: false }).promise;
  const frag = document.createDocumentFragment();
  const boxes = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (width / base.width) * ratio });
    const wrap = el('div', { class: 'page', 'data-page': String(n) });
    wrap.style.width = width + 'px';
    const canvas = el('canvas', { 'data-page': String(n), role: 'img', 'aria-label': doc.name + ', page ' + n });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
    wrap.append(canvas, el('span', { class: 'label' }, 'page ' + n + ' of ' + pdf.numPages));
    doc.problems.forEach((p, i) => {
      if (!p.box || p.page !== n - 1) return;
      const h = el('div', { class: 'hl', title: p.reason, 'data-problem': String(i), 'data-kind': p.kind });
      h.style.left = (p.box.x / base.width) * 100 + '%';
      h.style.top = (p.box.y / base.height) * 100 + '%';
      h.style.width = (p.box.w / base.width) * 100 + '%';
      h.style.height = (p.box.h / base.height) * 100 + '%';
      wrap.append(h);
    });
    boxes.push(wrap);
    frag.append(wrap);
  }
  await pdf.destroy();
  return { frag, boxes };
}

async function render() {
  if (rendering) {
    again = true;
    return;
  }
  rendering = true;
  try {
    do {
      again = false;
      if (!snapshot || !snapshot.documents.length) continue;
      if (!snapshot.documents.some((d) => d.name === active)) active = snapshot.documents[0].name;
      const doc = snapshot.documents.find((d) => d.name === active);
      const key = doc.name + '@' + doc.version;
      if (pagesEl.dataset.rendered === key) continue;
      const drawn = await drawDocument(doc);
      // Same page sizes, same place: swapping in the new pages keeps the reader where they were.
      const x = window.scrollX;
      const y = window.scrollY;
      pagesEl.replaceChildren(drawn.frag);
      window.scrollTo(x, y);
      pagesEl.dataset.rendered = key;
      showProblems(doc, drawn.boxes);
    } while (again);
  } catch (e) {
    statusEl.textContent = 'could not show the pages: ' + (e && e.message ? e.message : e);
  } finally {
    rendering = false;
  }
}

async function refresh() {
  const res = await fetch('/state', { cache: 'no-store' });
  snapshot = await res.json();
  if (!active && snapshot.documents.length) active = snapshot.documents[0].name;
  showTabs();
  showErrors(snapshot.errors);
  const time = new Date().toLocaleTimeString();
  statusEl.textContent = snapshot.errors.length ? 'build failed at ' + time : snapshot.documents.length ? 'built at ' + time : 'building…';
  document.body.dataset.build = String(snapshot.build);
  await render();
}

const events = new EventSource('/events');
events.addEventListener('build', () => {
  refresh().catch((e) => (statusEl.textContent = 'lost the server: ' + e.message));
});
events.addEventListener('error', () => {
  statusEl.textContent = 'reconnecting…';
});
`;
