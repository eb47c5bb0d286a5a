// The overview: every target with its assessment from ONE call (GET /api/dashboard), grouped by
// theme, with counts per status (clickable filters), filters and a search box. Filters live in the
// hash (#/?status=AT_RISK&q=…) so a filtered view can be bookmarked and survives a reload.

import { api } from './api.js';
import { h, nextId, replace } from './dom.js';
import { t } from './i18n.js';
import { exportLinks, update as updateExport } from './export.js';
import {
  STATUSES, THEMES, bindingLabel, deadline, documentName, formatValue, indicatorName, progressBar,
  statusBadge, statusIcon, targetWording,
} from './format.js';

const FILTERS = ['document', 'theme', 'status', 'year', 'binding', 'q'];

/** What a target is searched by: names, id, wording, quote, section, document. */
function haystack(target) {
  const s = target.source || {};
  return [target.id, target.indicator.nameZh, target.indicator.nameEn, target.wording.zh, target.wording.en, s.quote,
    s.section,
    s.documentTitleZh, s.documentTitleEn, s.documentNumber].filter(Boolean).join(' ').toLowerCase();
}

function matches(target, f, ignoreStatus) {
  const binding = target.binding || 'NONE';
  return (!f.document || target.source.document === f.document)
    && (!f.theme || target.indicator.theme === f.theme)
    && (ignoreStatus || !f.status || target.assessment.status === f.status)
    && (!f.year || String(target.targetYear) === f.year)
    && (!f.binding || binding === f.binding)
    && (!f.q || haystack(target).includes(f.q.trim().toLowerCase()));
}

function select(label, name, options, value, onChange) {
  const id = nextId(`filter-${name}`);
  const el = h('select', { id, name, onChange },
    h('option', { value: '', text: t('filter.any') }),
    options.map(([v, text]) => h('option', { value: v, text })));
  el.value = value || '';
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), el);
}

function row(target) {
  const a = target.assessment;
  const latest = a.latest
    ? t('latest.value', { value: formatValue(a.latest.value, target, a), period: a.latest.period })
    : t('latest.none');
  return h('li', { class: 'target-row', dataset: { targetId: target.id, status: a.status } },
    h('div', { class: 'cell cell-main' },
      h('a', { class: 'target-name', href: `#/targets/${encodeURIComponent(target.id)}`, text: indicatorName(target.indicator) }),
      h('div', { class: 'target-goal', text: targetWording(target) }),
      h('div', { class: 'target-meta' },
        h('span', { text: documentName(target.source) }),
        target.binding ? h('span', { class: `tag tag-${target.binding}`, text: bindingLabel(target.binding) }) : null,
        h('span', { class: 'target-id', text: target.id }))),
    h('div', { class: 'cell cell-latest' }, h('span', { class: 'cell-label', text: t('col.latest') }),
      h('span', { class: 'latest-value', text: latest })),
    h('div', { class: 'cell cell-progress' }, h('span', { class: 'cell-label', text: t('col.progress') }),
      progressBar(a.progress, a.elapsed)),
    h('div', { class: 'cell cell-deadline' }, h('span', { class: 'cell-label', text: t('col.deadline') }),
      h('span', { text: deadline(target) })),
    h('div', { class: 'cell cell-status' }, h('span', { class: 'cell-label', text: t('col.status') }),
      statusBadge(a.status)));
}

// Column titles for wide screens; on phones each cell carries its own label instead.
function listHead() {
  return h('div', { class: 'list-head', 'aria-hidden': 'true' },
    ['col.target', 'col.latest', 'col.progress', 'col.deadline', 'col.status'].map((key) => h('span', { text: t(key) })));
}

function filterControls(targets, filters, update) {
  const docs = new Map();
  targets.forEach((tg) => docs.set(tg.source.document, documentName(tg.source)));
  const years = [...new Set(targets.map((tg) => tg.targetYear))].sort((x, y) => x - y);
  const searchId = nextId('filter-q');
  const search = h('input', {
    id: searchId, type: 'search', name: 'q', value: filters.q || '', placeholder: t('filter.searchPlaceholder'),
    autocomplete: 'off', onInput: (e) => update({ q: e.target.value }),
  });
  const on = (name) => (e) => update({ [name]: e.target.value });
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('overview.filters'), onSubmit: (e) => e.preventDefault() },
    h('div', { class: 'field field-search' }, h('label', { for: searchId, text: t('filter.search') }), search),
    select(t('filter.document'), 'document', [...docs], filters.document, on('document')),
    select(t('filter.theme'), 'theme', THEMES.map((v) => [v, t(`theme.${v}`)]), filters.theme, on('theme')),
    select(t('filter.status'), 'status', STATUSES.map((v) => [v, t(`status.${v}`)]), filters.status, on('status')),
    select(t('filter.year'), 'year', years.map((y) => [String(y), String(y)]), filters.year, on('year')),
    select(t('filter.binding'), 'binding', ['BINDING', 'ANTICIPATORY', 'NONE'].map((v) => [v, bindingLabel(v)]),
      filters.binding, on('binding')),
    h('div', { class: 'field field-clear' }, h('button', {
      type: 'button', class: 'button-secondary', text: t('filter.clear'),
      onClick: () => update(Object.fromEntries(FILTERS.map((k) => [k, ''])), true),
    })));
}

/** Renders the overview into root; params are the hash's query parameters. */
export async function renderOverview(root, params, isCurrent) {
  replace(root, h('h1', { tabindex: '-1', text: t('overview.title') }),
    h('p', { class: 'loading', role: 'status', text: t('common.loading') }));
  const targets = await api.get('/api/dashboard');
  if (!isCurrent()) {
    return;
  }
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  const counts = h('div', { class: 'status-counts', role: 'group', 'aria-label': t('overview.counts') });
  const summary = h('p', { class: 'result-summary', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results' });
  const exports = exportLinks({});
  let controls;

  const countButtons = ['', ...STATUSES].map((status) => {
    const button = h('button', {
      type: 'button', class: `count count-${status || 'ALL'}`, dataset: { status: status || 'ALL' },
      onClick: () => update({ status: filters.status === status ? '' : status }, true),
    });
    counts.append(button);
    return [status, button];
  });

  function draw() {
    const base = targets.filter((tg) => matches(tg, filters, true));
    countButtons.forEach(([status, button]) => {
      const n = status ? base.filter((tg) => tg.assessment.status === status).length : base.length;
      button.setAttribute('aria-pressed', String(filters.status === status));
      replace(button, status ? h('span', { class: 'status-icon', 'aria-hidden': 'true', text: statusIcon(status) }) : null,
        h('span', { class: 'count-label', text: status ? t(`status.${status}`) : t('overview.all') }),
        h('span', { class: 'count-number', text: String(n) }));
    });
    const shown = base.filter((tg) => matches(tg, filters, false));
    summary.textContent = t('overview.shown', { shown: shown.length, total: targets.length });
    const filtered = FILTERS.some((k) => filters[k]);
    updateExport(exports, { document: filters.document, theme: filters.theme, status: filters.status,
      targets: filtered ? shown.map((tg) => tg.id) : [] });
    if (!targets.length) {
      replace(results, h('p', { class: 'empty', text: t('overview.noTargets') }));
      return;
    }
    if (!shown.length) {
      replace(results, h('div', { class: 'empty' }, h('p', { text: t('overview.empty') }),
        h('button', { type: 'button', class: 'button-secondary', text: t('filter.clear'),
          onClick: () => update(Object.fromEntries(FILTERS.map((k) => [k, ''])), true) })));
      return;
    }
    replace(results, THEMES.map((theme) => {
      const group = shown.filter((tg) => tg.indicator.theme === theme);
      if (!group.length) {
        return null;
      }
      const headingId = nextId('theme');
      return h('section', { class: 'theme-group', 'aria-labelledby': headingId, dataset: { theme } },
        h('h2', { id: headingId }, t(`theme.${theme}`), h('span', { class: 'group-count', text: ` (${group.length})` })),
        listHead(), h('ul', { class: 'target-list' }, group.map(row)));
    }));
  }

  // Changing a filter redraws the list only (focus stays in the control) and records the filters
  // in the hash without adding a history entry per keystroke.
  function update(change, redrawControls) {
    Object.assign(filters, change);
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
    history.replaceState(null, '', `#/${query ? `?${query}` : ''}`);
    if (redrawControls) {
      const next = filterControls(targets, filters, update);
      controls.replaceWith(next);
      controls = next;
    }
    draw();
  }

  controls = filterControls(targets, filters, update);
  replace(root, h('h1', { tabindex: '-1', text: t('overview.title') }), counts, controls, summary, exports, results);
  draw();
}
