// The record of an indicator's values: each value with who entered and corrected it when, and the
// values it had before (prior vintages); and the audit trail of the indicator or milestone.

import { h, replace } from './dom.js';
import { num, pick, t } from './i18n.js';
import { isoTime, qualified, unitOf, withUnit } from './format.js';

/**
 * A stored value as entered: in its form (a level with unit, a change on the previous year, an index),
 * marked when published as a bound or an approximation ("≥ 25%").
 */
export function enteredValue(value, form, indicator, qualifier) {
  if (form === 'YOY_CHANGE_PCT') {
    return qualified(t('value.yoy', { value: `${value < 0 ? '−' : value > 0 ? '+' : ''}${num(Math.abs(value))}` }), qualifier);
  }
  if (form === 'INDEX') {
    return qualified(t('value.index', { value: num(value) }), qualifier);
  }
  return qualified(withUnit(value, indicator), qualifier);
}

/**
 * Which release the figure is (初步核算, 最终核实, 估计), what was typed when not in the indicator's unit
 * ("entered as 31,000 人"), and whether the analyst confirmed a value the plausibility check refused;
 * empty when none of these.
 */
export function entryNotes(o, indicator) {
  const basis = indicator && o.basis ? (indicator.bases || []).find((b) => b.code === o.basis) : null;
  return [basis ? t('value.onBasis', { basis: pick(basis.nameZh, basis.nameEn) }) : null,
    o.ytd ? t('value.ytd') : null,
    o.publication ? t(`publication.${o.publication}`) : null,
    o.unit ? t('value.asEntered', { value: num(o.enteredValue), unit: o.unit }) : null,
    o.confirm ? t('value.confirmed') : null].filter(Boolean).join(' · ');
}

function entryNoteLine(o, indicator) {
  const text = entryNotes(o, indicator);
  return text ? h('div', { class: 'muted entry-notes', text }) : null;
}

function tableWrap(caption, head, rows) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {}, h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, rows)));
}

function vintages(o, indicator) {
  if (!o.priorVintages || !o.priorVintages.length) {
    return null;
  }
  return h('details', { class: 'vintages' },
    h('summary', { text: t('hist.vintages', { count: o.priorVintages.length }) }),
    h('ul', {}, o.priorVintages.map((v) => h('li', {},
      h('span', { class: 'vintage-value', text: enteredValue(v.value, v.form, indicator, v.qualifier) }), ' ',
      entryNotes(v, indicator) ? h('span', { class: 'muted', text: `(${entryNotes(v, indicator)}) ` }) : null,
      h('span', {
        text: t('hist.vintage', {
          user: v.recordedBy, time: isoTime(v.recordedAt), by: v.supersededBy, when: isoTime(v.supersededAt),
        }),
      }),
      v.source ? h('div', { class: 'muted' }, `${t('hist.source')}: `, h('span', { text: v.source })) : null,
      v.note ? h('div', { class: 'muted' }, `${t('hist.note')}: `, h('span', { class: 'note-text', text: v.note })) : null))));
}

/** The row's actions: correct (fills the entry form) and delete, which asks for confirmation first. */
function actions(o, handlers) {
  const cell = h('td', { class: 'row-actions' });
  const idle = () => replace(cell,
    h('button', {
      type: 'button', class: 'button-small', text: t('hist.correct'),
      'aria-label': t('hist.correctLabel', { period: o.period }), onClick: () => handlers.onCorrect(o),
    }), ' ',
    h('button', {
      type: 'button', class: 'button-small button-danger delete', text: t('hist.delete'),
      'aria-label': t('hist.deleteLabel', { period: o.period }), onClick: confirming,
    }));
  function confirming() {
    const yes = h('button', {
      type: 'button', class: 'button-small button-danger confirm-delete', text: t('hist.confirmDelete'),
      onClick: () => handlers.onDelete(o),
    });
    replace(cell, yes, ' ', h('button', { type: 'button', class: 'button-small', text: t('hist.cancel'), onClick: idle }));
    yes.focus();
  }
  idle();
  return cell;
}

/**
 * The observations table (the actions right after the period, so that they stay in view on a phone) and
 * the deleted values, which analysts can restore. handlers: {onCorrect, onDelete, onRestore}.
 */
export function observationTable(target, observations, deleted, canWrite, handlers) {
  const indicator = target.indicator;
  const body = [...observations].sort((a, b) => b.period.localeCompare(a.period)).map((o) => h('tr', {
    dataset: { period: o.period },
  },
  h('th', { scope: 'row', text: o.period }),
  canWrite ? actions(o, handlers) : null,
  h('td', { class: 'num' }, enteredValue(o.value, o.form, indicator, o.qualifier), entryNoteLine(o, indicator)),
  h('td', { text: t(`form.${o.form}`) }),
  h('td', { class: 'source-text', text: o.source || '' }),
  h('td', { class: 'note-text' }, o.note || '', o.seriesBreak
    ? h('div', { class: 'series-break' }, `${t('entry.seriesBreak')}: `, h('span', { text: o.seriesBreak })) : null),
  h('td', {}, h('div', { text: t('hist.by', { user: o.createdBy, time: isoTime(o.createdAt) }) }),
    o.version > 0 ? h('div', { class: 'muted', text: t('hist.updated', { user: o.updatedBy, time: isoTime(o.updatedAt) }) }) : null,
    vintages(o, indicator))));
  const head = ['hist.period', ...(canWrite ? ['hist.actions'] : []), 'hist.value', 'hist.form', 'hist.source', 'hist.note',
    'hist.entered'];
  const removed = deleted && deleted.length ? h('details', { class: 'deleted-values' },
    h('summary', { text: t('hist.deletedTitle', { count: deleted.length }) }),
    h('ul', {}, deleted.map((o) => h('li', { dataset: { period: o.period } },
      h('strong', { text: o.period }), ' ', h('span', { text: enteredValue(o.value, o.form, indicator, o.qualifier) }), ' ',
      h('span', { class: 'muted', text: t('hist.deletedBy', { user: o.updatedBy, time: isoTime(o.deletedAt) }) }), ' ',
      canWrite ? h('button', {
        type: 'button', class: 'button-small restore', text: t('hist.restore'),
        'aria-label': t('hist.restoreLabel', { period: o.period }), onClick: () => handlers.onRestore(o),
      }) : null)))) : null;
  return h('section', { class: 'panel history', 'aria-labelledby': 'hist-title' },
    h('h2', { id: 'hist-title' }, t('hist.title'), h('span', { class: 'muted', text: ` · ${withUnitName(indicator)}` })),
    observations.length ? tableWrap(t('hist.title'), head, body) : h('p', { class: 'empty', text: t('hist.empty') }),
    removed);
}

function withUnitName(indicator) {
  const unit = unitOf(indicator);
  return unit ? t('hist.unit', { unit }) : '';
}

/** A state recorded in the audit log, in one line: "2023: 17.9 (LEVEL) · source …". */
function stateText(state) {
  if (!state) {
    return '';
  }
  if (state.state) {
    return [t(`ms.${state.state}`), state.date, state.evidence].filter(Boolean).join(' · ');
  }
  if (state.username) {
    return `${state.username} (${state.role})`;
  }
  if (state.fileSha256) { // one bulk import: its file and counts; each value's who and when is in its vintages
    return t('audit.importState', { file: state.fileName || '', sha: state.fileSha256.slice(0, 12),
      created: state.created, corrected: state.corrected, unchanged: state.unchanged });
  }
  return [state.value !== undefined && state.value !== null ? `${num(state.value)} ${state.form ? t(`form.${state.form}`) : ''}` : '',
    entryNotes(state), state.source, state.note].filter(Boolean).join(' · ');
}

export function auditTable(page) {
  const items = page.items || [];
  // An entry a restore brought from a backup's trail is history, marked as such (never mistaken for a live one).
  const restored = (e) => e.origin === 'RESTORED' && e.restoredFrom
    ? h('span', {
      class: 'tag audit-restored',
      title: t('audit.restoredFrom', { hash: (e.restoredFrom.backupSha256 || '').slice(0, 12), id: e.restoredFrom.originalId ?? '' }),
      text: t('audit.restored'),
    })
    : null;
  const rows = items.map((e) => h('tr', e.origin === 'RESTORED' ? { class: 'audit-restored-row' } : {},
    h('td', { text: isoTime(e.occurredAt) }),
    h('td', { text: e.actor }),
    h('td', {}, h('span', { text: t(`audit.${e.action}`) }), restored(e) ? ' ' : null, restored(e)),
    h('td', { text: e.period || '' }),
    h('td', { class: 'audit-change' },
      e.before ? h('div', { class: 'audit-before' }, h('span', { class: 'muted', text: `${t('audit.before')}: ` }),
        h('span', { text: stateText(e.before) })) : null,
      e.after ? h('div', { class: 'audit-after' }, h('span', { class: 'muted', text: `${t('audit.after')}: ` }),
        h('span', { text: stateText(e.after) })) : null)));
  return h('section', { class: 'panel', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title', text: t('audit.title') }),
    page.total > items.length ? h('p', { class: 'muted', text: t('audit.total', { total: page.total, shown: items.length }) }) : null,
    items.length ? tableWrap(t('audit.title'), ['audit.time', 'audit.actor', 'audit.action', 'audit.period', 'audit.change'], rows)
      : h('p', { class: 'empty', text: t('audit.empty') }));
}
