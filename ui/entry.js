// Analysts' forms: enter or correct a value (POST, or PUT with the version read when the period has
// a value already), and set a milestone's state. Errors from the server (problem+json) are shown
// next to the field they name; anything else above the form.

import { api, ApiError, onBasis, seg } from './api.js';
import { h, nextId, replace } from './dom.js';
import { pick, t } from './i18n.js';
import { indicatorName, isYear, isoTime, unitOf } from './format.js';
import { enteredValue } from './history.js';

/** A readable sentence for an API error (the server's own detail when it gave one). */
export function errorMessage(error) {
  if (!(error instanceof ApiError)) {
    return String(error && error.message ? error.message : error);
  }
  const { status } = error;
  const general = status === 0 ? t('error.network')
    : [400, 403, 404, 409, 413, 415].includes(status) ? t(`error.${status}`)
      : status >= 500 ? t('error.server', { status }) : t('error.other', { status });
  // Field errors are shown next to their fields, in the server's words (in the app's language); the detail
  // only when the problem names no field.
  if (error.fieldErrors.length) {
    return general;
  }
  const detail = error.problem && (error.problem.detail || error.problem.title);
  return detail && status !== 0 ? `${general} ${t('error.detail', { detail })}` : general;
}

// What the server keeps about a value besides its figure: never sent back in a correction.
const RECORD_FIELDS = ['indicator', 'period', 'periodType', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'version',
  'deletedAt', 'priorVintages', 'warnings'];

/**
 * The figure of a stored value: every field but the record's. A correction starts from it, so that a
 * field this form does not show is sent back as it is, never cleared.
 */
function figureOf(observation) {
  return Object.fromEntries(Object.entries(observation).filter(([k]) => !RECORD_FIELDS.includes(k)));
}

// The 409 problems an analyst may overrule, with the request field that confirms each.
const CONFIRMABLE = {
  'form.breaksChain': { field: 'confirmForm', label: 'entry.confirmForm', css: 'confirm-form' },
  'value.implausible': { field: 'confirm', label: 'entry.confirmValue', css: 'confirm-value' },
  'value.implausibleUnit': { field: 'confirm', label: 'entry.confirmValue', css: 'confirm-value' },
};

/** A labelled field; its error paragraph is announced with the field (aria-describedby). */
export function field(label, control, hint, suffix) {
  const id = control.id || nextId('f');
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const described = [hint ? `${id}-hint` : null, suffix ? `${id}-unit` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return h('div', { class: 'field', dataset: { field: control.name } },
    h('label', { for: id, text: label }),
    suffix ? h('div', { class: 'with-unit' }, control, h('span', { class: 'unit', id: `${id}-unit`, text: suffix })) : control,
    hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
    error);
}

/** Shows problem+json field errors next to their fields; the rest goes to the form's alert. */
export function showErrors(form, alert, error) {
  form.querySelectorAll('.field-error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  if (!error) {
    replace(alert);
    alert.hidden = true;
    return;
  }
  alert.hidden = false;
  replace(alert, h('p', { text: errorMessage(error) }));
  const errors = error instanceof ApiError ? error.fieldErrors : [];
  let first = null;
  errors.forEach(({ field: name, message }) => {
    const control = form.elements.namedItem(name);
    const box = control && control.id ? form.querySelector(`#${control.id}-error`) : null;
    if (box) {
      box.hidden = false;
      box.append(box.textContent ? ' ' : '', message);
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    } else {
      alert.append(h('p', { text: message }));
    }
  });
  (first || alert).focus();
}

/** The form to enter or correct a value of the target's indicator (or of the compared one). */
export function observationForm(target, observations, relatedObs, assessment, onSaved) {
  const indicators = [target.indicator, target.relatedIndicator].filter(Boolean);
  const byIndicator = { [target.indicator.code]: observations };
  if (target.relatedIndicator) {
    byIndicator[target.relatedIndicator.code] = relatedObs;
  }
  const indicatorSel = h('select', { name: 'indicator' },
    indicators.map((i) => h('option', { value: i.code, text: indicatorName(i) })));
  // The last year that has ended: a year's value exists only once it is over (the server says so too).
  const lastEnded = new Date().getFullYear() - 1;
  const lastYear = Math.max(0, ...observations.filter((o) => isYear(o.period)).map((o) => Number(o.period)));
  // A year, a quarter (2025Q3) or a month (2025-07): monthly and quarterly figures are published too.
  const period = h('input', {
    name: 'period', type: 'text', required: true, autocomplete: 'off', maxlength: '16',
    value: String(Math.min(lastEnded, lastYear ? lastYear + 1 : (target.baselineYear ?? lastEnded - 1) + 1)),
  });
  const formSel = h('select', { name: 'form' },
    ['LEVEL', 'YOY_CHANGE_PCT', 'INDEX'].map((f) => h('option', { value: f, text: t(`form.${f}`) })));
  // A text field: the server reads what was typed ("-3,8", "−3.8", "２４．０３", "24.03%") by one set of rules,
  // and refuses with a reason what it cannot read; a number field would drop or change characters silently.
  const value = h('input', { name: 'value', type: 'text', required: true, inputmode: 'decimal', autocomplete: 'off' });
  // 超过 / 约 / 以下 as published: a bound can prove a target met but is never used as a level.
  const qualifierSel = h('select', { name: 'qualifier' },
    ['EXACT', 'AT_LEAST', 'AT_MOST', 'ABOUT'].map((q) => h('option', { value: q, text: t(`qualifier.${q}`) })));
  // Which release of the figure: a communiqué's preliminary one, the yearbook's final one, or an estimate.
  const publicationSel = h('select', { name: 'publication' },
    [['', t('publication.none')], ...['PRELIMINARY', 'FINAL', 'ESTIMATED'].map((p) => [p, t(`publication.${p}`)])]
      .map(([v, text]) => h('option', { value: v, text })));
  // The series basis, where the statistic changed definition: by default the one in force for the period.
  const basisSel = h('select', { name: 'basis' });
  // A month's or a quarter's figure of a flow or a rate may be the sum of the year so far (1–11月累计).
  const ytd = h('input', { name: 'ytd', type: 'checkbox' });
  const ytdField = field(t('entry.ytd'), ytd, t('entry.ytdHint'));
  ytdField.classList.add('field-check');
  const basisField = field(t('entry.basis'), basisSel, t('entry.basisHint'));
  const source = h('input', { name: 'source', type: 'text', maxlength: '1000', autocomplete: 'off' });
  const note = h('textarea', { name: 'note', rows: '2', maxlength: '4000' });
  const seriesBreak = h('input', { name: 'seriesBreak', type: 'text', maxlength: '1000', autocomplete: 'off' });
  // The unit the value is typed in, from the indicator's unit family (31000 人 for a count in 万人): the
  // server converts it and keeps what was typed. Shown for a level when the family has more than one unit.
  const unitSel = h('select', { name: 'unit', class: 'unit-choice', 'aria-label': t('entry.unit') });
  const valueField = field(t('entry.value'), value, null, '—');
  valueField.querySelector('.with-unit').append(unitSel);
  const notice = h('p', { class: 'notice notice-info', hidden: true });
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary' });

  const indicatorOf = () => indicators.find((i) => i.code === indicatorSel.value) || target.indicator;
  // The basis a value of the period is on, as the server decides it: the one chosen, else the one in force
  // for the period's year (the last whose first period is not after it). A period holds one value per basis.
  const basisOf = () => {
    const bases = indicatorOf().bases || [];
    if (!bases.length) return null;
    if (basisSel.value) return basisSel.value;
    const year = parseInt(period.value.trim().slice(0, 4), 10);
    const inForce = bases.filter((b) => parseInt(String(b.from).slice(0, 4), 10) <= year);
    return (inForce.length ? inForce[inForce.length - 1] : bases[0]).code;
  };
  const existing = () => (byIndicator[indicatorSel.value] || [])
    .find((o) => o.period === period.value.trim() && (o.basis || null) === basisOf());
  // The form the indicator is published in: proposed, and another one asks for confirmation.
  const publishedForm = () => indicatorOf().publishedForm || 'LEVEL';
  formSel.value = publishedForm();

  // The unit next to the value follows the form: the indicator's unit for a level, % for a change.
  function refresh() {
    const unit = formSel.value === 'LEVEL' ? (unitOf(indicatorOf()) || '') : t(formSel.value === 'INDEX' ? 'entry.unitIndex' : 'entry.unitYoy');
    valueField.querySelector('.unit').textContent = unit || '—';
    const units = formSel.value === 'LEVEL' ? (indicatorOf().units || []) : [];
    const chosen = unitSel.value;
    replace(unitSel, ...units.map((u, i) => h('option', { value: i === 0 ? '' : u, text: i === 0 ? unitOf(indicatorOf()) : u })));
    unitSel.value = units.includes(chosen) ? chosen : '';
    unitSel.hidden = units.length < 2;
    valueField.querySelector('.unit').hidden = !unitSel.hidden;
    const bases = indicatorOf().bases || [];
    const basis = basisSel.value;
    replace(basisSel, h('option', { value: '', text: t('entry.basisInForce') }),
      ...bases.map((b) => h('option', { value: b.code, text: pick(b.nameZh, b.nameEn) })));
    basisSel.value = bases.some((b) => b.code === basis) ? basis : '';
    basisField.hidden = !bases.length;
    ytdField.hidden = isYear(period.value.trim()) || !period.value.trim() || indicatorOf().measure === 'STOCK';
    const old = existing();
    notice.hidden = !old;
    notice.textContent = old ? t('entry.correcting', {
      period: old.period, value: enteredValue(old.value, old.form, indicatorOf(), old.qualifier),
    }) : '';
    submit.textContent = old ? t('entry.submitCorrect') : t('entry.submitNew');
  }

  const form = h('form', { class: 'panel entry-form', novalidate: true, 'aria-labelledby': 'entry-title' },
    h('h2', { id: 'entry-title', text: t('entry.title') }),
    indicators.length > 1 ? field(t('entry.indicator'), indicatorSel) : null,
    field(t('entry.period'), period, t('entry.periodHint')),
    ytdField,
    field(t('entry.form'), formSel),
    valueField,
    field(t('entry.qualifier'), qualifierSel, t('entry.qualifierHint')),
    field(t('entry.publication'), publicationSel, t('entry.publicationHint')),
    basisField,
    field(t('entry.source'), source, t('entry.sourceHint')),
    field(t('entry.note'), note),
    field(t('entry.seriesBreak'), seriesBreak, t('entry.seriesBreakHint')),
    notice, alert, h('div', { class: 'actions' }, submit));
  indicatorSel.addEventListener('change', () => {
    formSel.value = publishedForm();
    refresh();
  });
  formSel.addEventListener('change', refresh);
  basisSel.addEventListener('change', refresh);
  period.addEventListener('input', refresh);

  form.addEventListener('prefill', (e) => {
    const o = e.detail;
    indicatorSel.value = o.indicator || indicatorSel.value;
    period.value = o.period;
    formSel.value = o.form;
    qualifierSel.value = o.qualifier || 'EXACT';
    publicationSel.value = o.publication || '';
    ytd.checked = Boolean(o.ytd);
    refresh();
    basisSel.value = o.basis || '';
    // As it was typed: the number in its unit.
    value.value = String(o.unit ? o.enteredValue : o.value);
    refresh();
    unitSel.value = o.unit || '';
    source.value = o.source || '';
    note.value = o.note || '';
    seriesBreak.value = o.seriesBreak || '';
    refresh();
    value.focus();
  });

  // confirmed: {confirmForm, confirm}, what the analyst confirmed after the server asked (409).
  async function save(confirmed) {
    const old = existing();
    const body = {
      value: value.value.trim() || null, form: formSel.value, qualifier: qualifierSel.value,
      publication: publicationSel.value || null,
      ytd: !ytdField.hidden && ytd.checked,
      basis: basisSel.value || null,
      unit: formSel.value === 'LEVEL' && !unitSel.hidden ? unitSel.value || null : null,
      source: source.value.trim() || null, note: note.value.trim() || null, seriesBreak: seriesBreak.value.trim() || null,
      ...(confirmed.confirmForm ? { confirmForm: true } : {}),
      ...(confirmed.confirm ? { confirm: true } : {}),
    };
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const code = seg(indicatorSel.value);
      const saved = old
        ? await api.put(`/api/indicators/${code}/observations/${seg(old.period)}${onBasis(old, '?')}`,
          { ...figureOf(old), ...body, version: old.version })
        : await api.post(`/api/indicators/${code}/observations`, { period: period.value.trim(), ...body });
      const warnings = (saved && saved.warnings || []).map((w) => t('entry.warning', { message: w.message }));
      onSaved([t('entry.saved'), ...warnings].join(' '));
    } catch (error) {
      const asked = error instanceof ApiError && error.status === 409
        ? error.fieldErrors.find((f) => CONFIRMABLE[f.code]) : null;
      if (asked) {
        // Another form than the published one, or a value far from the series (a likely unit slip): say
        // why, and let the analyst confirm it as it is, or change it.
        const kind = CONFIRMABLE[asked.code];
        showErrors(form, alert, null);
        alert.hidden = false;
        const confirm = h('button', {
          type: 'button', class: `button-secondary ${kind.css}`, text: t(kind.label),
          onClick: () => save({ ...confirmed, [kind.field]: true }),
        });
        replace(alert, h('p', { text: asked.message }), h('p', {}, confirm));
        confirm.focus();
      } else if (!(error instanceof ApiError && error.status === 401)) {
        showErrors(form, alert, error);
      }
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({});
  });
  refresh();
  return form;
}

/**
 * Sends a form's request on submit: the button disabled meanwhile, "saved" after, the server's field errors
 * next to their fields (a 401 is the sign-in view's to answer).
 */
function onSubmit(form, submit, alert, onSaved, send) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      await send();
      onSaved(t('entry.saved'));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        showErrors(form, alert, error);
      }
    } finally {
      submit.disabled = false;
    }
  });
}

/** A milestone's current state and history; analysts also get the form to set it. */
export function milestoneForm(target, state, canWrite, onSaved) {
  const current = state && state.state
    ? h('p', {}, h('strong', { text: t(`ms.${state.state}`) }), state.date ? ` · ${state.date}` : '',
      state.evidence ? h('span', {}, ' · ', h('span', { class: 'evidence-text', text: state.evidence })) : null,
      h('span', { class: 'muted', text: ` · ${t('ms.recorded', { user: state.recordedBy, time: isoTime(state.recordedAt) })}` }))
    : h('p', { class: 'empty', text: t('ms.none') });
  const history = state && state.history && state.history.length
    ? h('details', {}, h('summary', { text: t('ms.history') }), h('ul', {}, state.history.map((s) => h('li', {},
      `${t(`ms.${s.state}`)}${s.date ? ` · ${s.date}` : ''} · `, h('span', { text: s.evidence || '' }),
      h('span', { class: 'muted', text: ` · ${t('ms.recorded', { user: s.recordedBy, time: isoTime(s.recordedAt) })}` })))))
    : null;
  const panel = h('section', { class: 'panel milestone', 'aria-labelledby': 'ms-title' },
    h('h2', { id: 'ms-title', text: t('ms.title') }), h('h3', { text: t('ms.current') }), current, history);
  if (!canWrite) {
    return panel;
  }
  const stateSel = h('select', { name: 'state' },
    ['NOT_STARTED', 'IN_PROGRESS', 'DONE'].map((s) => h('option', { value: s, text: t(`ms.${s}`) })));
  stateSel.value = state && state.state ? state.state : 'IN_PROGRESS';
  // A text field, not type=date: the browser would show the date in its own locale's order, and the
  // app writes dates as ISO 8601 everywhere.
  const date = h('input', {
    name: 'date', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}',
    autocomplete: 'off', value: state && state.date ? state.date : '',
  });
  const evidence = h('textarea', { name: 'evidence', rows: '3', maxlength: '4000' });
  evidence.value = state && state.evidence ? state.evidence : '';
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('ms.submit') });
  const form = h('form', { class: 'milestone-form', novalidate: true },
    field(t('ms.state'), stateSel), field(t('ms.date'), date, t('ms.dateHint')), field(t('ms.evidence'), evidence, t('ms.evidenceHint')),
    alert, h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, alert, onSaved, () => {
    if (date.value.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(date.value.trim())) {
      throw new ApiError(400, { detail: t('ms.dateFormat'), errors: [{ field: 'date', message: t('ms.dateFormat') }] });
    }
    return api.put(`/api/targets/${seg(target.id)}/milestone`, {
      state: stateSel.value, date: date.value.trim() || null, evidence: evidence.value.trim() || null,
      version: state ? state.version : 0,
    });
  });
  panel.append(form);
  return panel;
}

const STATUSES = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'MISSED', 'NO_DATA'];

/**
 * The analyst's own judgement of the target, beside the computed status and never instead of it; its
 * history; and, for analysts and admins, the form to record or withdraw it.
 */
export function judgementPanel(target, record, canWrite, onSaved) {
  const j = record && record.judgement;
  const current = j
    ? h('p', { class: 'judgement-current' }, h('span', { class: `status status-${j.status}`, text: t(`status.${j.status}`) }), ' ',
      h('span', { class: 'judgement-reason', text: j.reason }),
      j.evidence ? h('span', {}, ' · ', h('span', { class: 'evidence-text', text: j.evidence })) : null,
      h('span', { class: 'muted', text: ` · ${t('ms.recorded', { user: j.recordedBy, time: isoTime(j.recordedAt) })}` }))
    : h('p', { class: 'empty', text: t('judgement.none') });
  const earlier = record && record.history ? record.history.slice(j ? 1 : 0) : [];
  const history = earlier.length
    ? h('details', {}, h('summary', { text: t('judgement.history') }), h('ul', {}, earlier.map((e) => h('li', {},
      e.status ? `${t(`status.${e.status}`)} · ` : `${t('judgement.withdrawn')} · `, h('span', { text: e.reason || '' }),
      h('span', { class: 'muted', text: ` · ${t('ms.recorded', { user: e.recordedBy, time: isoTime(e.recordedAt) })}` })))))
    : null;
  const panel = h('section', { class: 'panel judgement', 'aria-labelledby': 'judgement-title' },
    h('h2', { id: 'judgement-title', text: t('judgement.title') }),
    h('p', { class: 'hint', text: t('judgement.hint') }), current, history);
  if (!canWrite) {
    return panel;
  }
  const statusSel = h('select', { name: 'status' }, STATUSES.map((s) => h('option', { value: s, text: t(`status.${s}`) })));
  statusSel.value = j ? j.status : 'ACHIEVED';
  const reason = h('textarea', { name: 'reason', rows: '3', maxlength: '4000' });
  reason.value = j ? j.reason : '';
  const evidence = h('textarea', { name: 'evidence', rows: '2', maxlength: '4000' });
  evidence.value = j && j.evidence ? j.evidence : '';
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('judgement.submit') });
  const withdraw = j ? h('button', {
    type: 'button', class: 'button-secondary judgement-withdraw', text: t('judgement.withdraw'),
    onClick: async () => {
      try {
        await api.del(`/api/targets/${seg(target.id)}/judgement`);
        onSaved(t('judgement.withdrawnSaved'));
      } catch (error) {
        showErrors(form, alert, error);
      }
    },
  }) : null;
  const form = h('form', { class: 'judgement-form', novalidate: true },
    field(t('judgement.status'), statusSel), field(t('judgement.reason'), reason, t('judgement.reasonHint')),
    field(t('judgement.evidence'), evidence), alert, h('div', { class: 'actions' }, submit, withdraw));
  onSubmit(form, submit, alert, onSaved, () => api.put(`/api/targets/${seg(target.id)}/judgement`, {
    status: statusSel.value, reason: reason.value.trim() || null, evidence: evidence.value.trim() || null,
  }));
  panel.append(form);
  return panel;
}
