// The overview: every target with its assessment from ONE call (GET /api/dashboard), grouped by
// theme, with counts per status (clickable filters), filters and a search box. Filters live in the
// hash (#/?status=AT_RISK&q=…) so a filtered view can be bookmarked and survives a reload.

import { api } from './api.js';
import { h, nextId, replace } from './dom.js';
import { t } from './i18n.js';
import { exportLinks, update as updateExport } from './export.js';
import { errorMessage } from './entry.js';
import {
  STATUSES, THEMES, bindingLabel, deadline, documentName, formatValue, indicatorName, isoTime, judgementMark, progressBar,
  statusBadge, statusIcon, targetWording, todayIso,
} from './format.js';

const FILTERS = ['document', 'theme', 'status', 'judgement', 'year', 'binding', 'q'];
// When the overview and its reports look from: as of a date, as known at a time (admins). In the hash too.
const MOMENT = ['asOf', 'knownAt'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a target is searched by: names, id, wording, quote, section, document. */
function haystack(target) {
  const s = target.source || {};
  return [target.id, target.indicator.nameZh, target.indicator.nameEn, target.wording.zh, target.wording.en, s.quote,
    s.section,
    s.documentTitleZh, s.documentTitleEn, s.documentNumber].filter(Boolean).join(' ').toLowerCase();
}

/**
 * The analyst's judgement, filtered on its own (as the judgement parameter of GET /api/dashboard and of the status
 * report): ANY one is recorded, NONE none is, NEEDED the wording needs one and none is recorded, or a status.
 */
function judgementMatches(a, filter) {
  const j = a.judgement;
  switch (filter) {
    case 'ANY': return Boolean(j);
    case 'NONE': return !j;
    case 'NEEDED': return !j && Boolean(a.needsJudgement);
    default: return Boolean(j) && j.status === filter;
  }
}

function matches(target, f, ignoreStatus) {
  const binding = target.binding || 'NONE';
  return (!f.document || target.source.document === f.document)
    && (!f.theme || target.indicator.theme === f.theme)
    && (ignoreStatus || !f.status || target.assessment.status === f.status)
    && (!f.judgement || judgementMatches(target.assessment, f.judgement))
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

/** A target's row; its link opens the target as of the overview's date, when one is set. */
function row(target, asOf) {
  const a = target.assessment;
  const latest = a.latest
    ? t('latest.value', { value: formatValue(a.latest.value, target, a, a.latest.qualifier), period: a.latest.period })
    : t('latest.none');
  return h('li', { class: 'target-row', dataset: { targetId: target.id, status: a.status } },
    h('div', { class: 'cell cell-main' },
      h('a', {
        class: 'target-name', href: `#/targets/${encodeURIComponent(target.id)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
        text: indicatorName(target.indicator),
      }),
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
      statusBadge(a.status), judgementMark(a)));
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
    select(t('filter.judgement'), 'judgement', [...['ANY', 'NONE', 'NEEDED'].map((v) => [v, t(`judgementFilter.${v}`)]),
      ...STATUSES.map((v) => [v, t(`status.${v}`)])],
      filters.judgement, on('judgement')),
    select(t('filter.year'), 'year', years.map((y) => [String(y), String(y)]), filters.year, on('year')),
    select(t('filter.binding'), 'binding', ['BINDING', 'ANTICIPATORY', 'NONE'].map((v) => [v, bindingLabel(v)]),
      filters.binding, on('binding')),
    h('div', { class: 'field field-clear' }, h('button', {
      type: 'button', class: 'button-secondary', text: t('filter.clear'),
      onClick: () => update(Object.fromEntries(FILTERS.map((k) => [k, ''])), true),
    })));
}

/** The as-of date (and, for admins, known-at) of the overview and its reports, applied by reloading the view. */
function momentControls(moment, isAdmin) {
  const asOfId = nextId('as-of');
  const knownId = nextId('known-at');
  const asOf = h('input', { id: asOfId, name: 'asOf', type: 'text', inputmode: 'numeric', placeholder: todayIso(),
    value: moment.asOf || '', autocomplete: 'off', 'aria-describedby': `${asOfId}-hint` });
  const knownAt = isAdmin ? h('input', { id: knownId, name: 'knownAt', type: 'text', inputmode: 'numeric',
    placeholder: 'YYYY-MM-DD', value: moment.knownAt || '', autocomplete: 'off' }) : null;
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const form = h('form', { class: 'moment', 'aria-label': t('moment.label') },
    h('div', { class: 'field' }, h('label', { for: asOfId, text: t('moment.asOf') }), asOf,
      h('p', { class: 'hint', id: `${asOfId}-hint`, text: t('moment.asOfHint') })),
    knownAt ? h('div', { class: 'field' }, h('label', { for: knownId, text: t('moment.knownAt') }), knownAt,
      h('p', { class: 'hint', text: t('moment.knownAtHint') })) : null,
    h('div', { class: 'field field-clear' }, h('button', { type: 'submit', class: 'button-secondary', text: t('moment.apply') })),
    error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = { asOf: asOf.value.trim(), knownAt: knownAt ? knownAt.value.trim() : '' };
    const bad = Object.values(values).find((v) => v && !ISO_DATE.test(v));
    if (bad) {
      error.hidden = false;
      error.textContent = t('moment.format', { value: bad });
      return;
    }
    const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
    MOMENT.forEach((k) => (values[k] ? query.set(k, values[k]) : query.delete(k)));
    window.location.hash = `#/${query.toString() ? `?${query}` : ''}`;
  });
  return form;
}

/** What a new office sees first: what to do, who may do it, and (admins) the sample dataset. */
function firstSteps(me, targets, reload) {
  const isAdmin = me.roles.includes('admin');
  const canWrite = isAdmin || me.roles.includes('analyst');
  const alert = h('p', { class: 'form-alert', role: 'alert', hidden: true });
  return h('section', { class: 'panel first-steps', 'aria-labelledby': 'first-steps-title' },
    h('h2', { id: 'first-steps-title', text: t('first.title') }),
    h('p', { text: t('first.intro', { documents: new Set(targets.map((tg) => tg.source.document)).size,
      targets: targets.length }) }),
    h('ul', {},
      h('li', { text: t('first.enter') }),
      h('li', {}, t('first.import'), ' ', canWrite ? h('a', { href: '#/import', text: t('nav.import') }) : null),
      h('li', { text: t(canWrite ? 'first.roles' : 'first.viewer') })),
    isAdmin ? h('p', {}, h('button', {
      type: 'button', class: 'button-secondary load-sample', text: t('sample.load'),
      onClick: async () => {
        try {
          await api.post('/api/sample');
          reload();
        } catch (error) {
          alert.hidden = false;
          alert.textContent = errorMessage(error);
        }
      },
    }), ' ', h('span', { class: 'muted', text: t('sample.loadHint') })) : null,
    alert);
}

/** The banner of the sample dataset, on every overview while it is loaded; admins can remove it. */
function sampleBanner(sample, me, reload) {
  const alert = h('span', { class: 'form-alert', role: 'alert', hidden: true });
  return h('div', { class: 'notice notice-warning sample-banner', role: 'note' },
    h('strong', { text: t('sample.banner') }), ' ',
    h('span', { text: t('sample.loadedBy', { user: sample.loadedBy, time: isoTime(sample.loadedAt) }) }), ' ',
    me.roles.includes('admin') ? h('button', {
      type: 'button', class: 'button-small remove-sample', text: t('sample.remove'),
      onClick: async () => {
        try {
          await api.del('/api/sample');
          reload();
        } catch (error) {
          alert.hidden = false;
          alert.textContent = errorMessage(error);
        }
      },
    }) : null, alert);
}

/** Renders the overview into root; params are the hash's query parameters. */
export async function renderOverview(root, params, isCurrent, me) {
  replace(root, h('h1', { tabindex: '-1', text: t('overview.title') }),
    h('p', { class: 'loading', role: 'status', text: t('common.loading') }));
  const moment = Object.fromEntries(MOMENT.map((k) => [k, params.get(k) || '']));
  const query = new URLSearchParams(Object.entries(moment).filter(([, v]) => v)).toString();
  const [targets, sample] = await Promise.all([api.get(`/api/dashboard${query ? `?${query}` : ''}`),
    api.get('/api/sample')]);
  if (!isCurrent()) {
    return;
  }
  const reload = () => renderOverview(root, params, isCurrent, me);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  const counts = h('div', { class: 'status-counts', role: 'group', 'aria-label': t('overview.counts') });
  const summary = h('p', { class: 'result-summary', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results' });
  // Reports leave out the targets without data unless asked for them: a report to send upward. A list
  // narrowed to 暂无数据 asks for exactly those, so its export keeps them.
  const omitId = nextId('omit-no-data');
  const omit = h('input', { id: omitId, type: 'checkbox', name: 'omitNoData', checked: true });
  const exportFilters = () => ({ document: filters.document, theme: filters.theme, status: filters.status,
    asOf: moment.asOf, knownAt: moment.knownAt, omitNoData: omit.checked && filters.status !== 'NO_DATA',
    targets: FILTERS.some((k) => filters[k]) ? targets.filter((tg) => matches(tg, filters, false)).map((tg) => tg.id) : [] });
  const exports = exportLinks({});
  omit.addEventListener('change', () => updateExport(exports, exportFilters()));
  const exportBox = h('div', { class: 'export-box' }, exports,
    h('span', { class: 'field-check' }, omit, ' ', h('label', { for: omitId, text: t('export.omitNoData') })));
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
    omit.disabled = filters.status === 'NO_DATA';
    updateExport(exports, exportFilters());
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
        listHead(), h('ul', { class: 'target-list' }, group.map((tg) => row(tg, moment.asOf))));
    }));
  }

  // Changing a filter redraws the list only (focus stays in the control) and records the filters
  // in the hash without adding a history entry per keystroke.
  function update(change, redrawControls) {
    Object.assign(filters, change);
    const hashQuery = new URLSearchParams(Object.entries({ ...filters, ...moment }).filter(([, v]) => v)).toString();
    history.replaceState(null, '', `#/${hashQuery ? `?${hashQuery}` : ''}`);
    if (redrawControls) {
      const next = filterControls(targets, filters, update);
      controls.replaceWith(next);
      controls = next;
    }
    draw();
  }

  controls = filterControls(targets, filters, update);
  const noData = targets.every((tg) => tg.assessment.status === 'NO_DATA');
  replace(root, h('h1', { tabindex: '-1', text: t('overview.title') }),
    sample.loaded ? sampleBanner(sample, me, reload) : null,
    noData && !sample.loaded && !moment.asOf && !moment.knownAt ? firstSteps(me, targets, reload) : null,
    momentControls(moment, me.roles.includes('admin')),
    moment.asOf || moment.knownAt ? h('p', { class: 'notice notice-info moment-note', text: t('moment.showing', {
      asOf: moment.asOf || todayIso(), knownAt: moment.knownAt || t('moment.now') }) }) : null,
    counts, controls, summary, exportBox, results);
  draw();
}
