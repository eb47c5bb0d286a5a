// One target: status and explanation, key figures, the chart, data entry (analysts), provenance,
// the observation history with prior vintages, and the audit trail.

import { api, ApiError, onBasis, seg } from './api.js';
import { h, replace } from './dom.js';
import { num, percent, pick, t } from './i18n.js';
import {
  bindingLabel, deadline, documentName, formatPoints, formatRate, formatValue, indicatorName, isoTime, isYear,
  judgementMark, periodLabel, periodX, statusBadge, targetWording,
} from './format.js';
import { chartTable, drawChart } from './detail-chart.js';
import { auditTable, observationTable } from './history.js';
import { errorMessage, judgementPanel, milestoneForm, observationForm } from './entry.js';
import { exportLinks } from './export.js';

let chart = null;

/** Frees the previous chart; Chart.js keeps a registry of instances until destroyed. */
export function leaveDetail() {
  if (chart) {
    chart.destroy();
    chart = null;
  }
}

/**
 * The actual series on the assessment's own scale (levels, or cumulative % for chained changes): the path
 * the server draws in the status reports (GET /api/targets/{id}/path, one request), the latest value as
 * assessed at the end of each year. Asking the server keeps one implementation of chaining (year-on-year
 * changes, indexes) and of the path instead of a copy in JS.
 */
async function actualSeries(target, assessment, observations, asOf) {
  if (target.kind === 'RELATIVE') {
    // Compared series are rates, entered as levels: they are plotted as they are.
    return observations.filter((o) => o.form === 'LEVEL' && !isBound(o.qualifier) && isYear(o.period))
      .map((o) => ({ x: Number(o.period), y: o.value }));
  }
  const { baseline, latest } = assessment;
  if (!baseline || !latest) {
    return [];
  }
  const path = await api.get(`/api/targets/${seg(target.id)}/path${asOf ? `?asOf=${asOf}` : ''}`);
  if ((path.valueBasis || null) !== (assessment.valueBasis || null)) {
    return []; // values of two definitions are not one line
  }
  const from = Number(baseline.period);
  const latestYear = Math.floor(Number(String(latest.period).slice(0, 4)));
  // The baseline is drawn by datasets(); the latest sits at its own period (a month that proved the target
  // met early is drawn at its month), and a bound that proved the target is a mark (boundsOf), not a point.
  return path.observed.filter((p) => p.year > from && p.year !== latestYear)
    .map((p) => ({ x: p.year, y: p.value }))
    .concat(latest.value !== null && !isBound(latest.qualifier) && periodX(latest.period) > from
      ? [{ x: periodX(latest.period), y: latest.value }] : []);
}

const isBound = (qualifier) => qualifier === 'AT_LEAST' || qualifier === 'AT_MOST';

/** The published bounds of the level ("超过25%"), for the chart's marks. */
function boundsOf(observations) {
  return observations.filter((o) => o.form === 'LEVEL' && isBound(o.qualifier))
    .map((o) => ({ x: periodX(o.period), y: o.value, qualifier: o.qualifier }));
}

function figure(label, value, extra) {
  return h('div', { class: 'figure' }, h('dt', { text: label }), h('dd', { text: value }, extra || null));
}

/** What a missing year would need, in the form it is published in: "−6.27%" (a change), a level with its unit. */
function gapValue(g, target) {
  if (g.form === 'YOY_CHANGE_PCT') {
    return `${g.requiredValue < 0 ? '−' : '+'}${num(Math.abs(g.requiredValue), { maximumFractionDigits: 2 })}%`;
  }
  return g.form === 'INDEX' ? num(g.requiredValue, { maximumFractionDigits: 2 })
    : formatValue(g.requiredValue, target, { valueBasis: 'LEVEL' });
}

function figures(target, a) {
  if (target.kind === 'MILESTONE') {
    return h('dl', { class: 'figures' }, figure(t('col.deadline'), deadline(target)));
  }
  const relative = target.kind === 'RELATIVE';
  // A value with its period and, where stated, the release it is ("15.9 % (2020) · 最终核实").
  const at = (pv) => (pv ? [t('latest.value', {
    value: formatValue(pv.value, target, a, pv.qualifier), period: periodLabel(pv.period, pv.ytd),
  }),
    pv.publication ? t(`publication.${pv.publication}`) : null].filter(Boolean).join(' · ') : t('common.none'));
  const list = [
    // An observation of the baseline year is the baseline; the catalogue's value stays in view beside it.
    // Without a baseline of the catalogue's, a chain of changes starts at 0 by definition: its reference year, whose
    // level is unknown, is said as such (as the reports say it), not as a baseline of 0.
    figure(t('fig.baseline'), target.baselineValue === null && a.valueBasis === 'CHANGE_PCT' && a.baseline
      && a.baseline.value === 0 ? t('report.referenceYear', { period: a.baseline.period }) : at(a.baseline), a.catalogueBaseline !== null && a.catalogueBaseline !== undefined
      ? h('span', { class: 'muted catalogue-baseline', text: ` (${t('baseline.catalogue', { value: formatValue(a.catalogueBaseline, target, a) })})` })
      : null),
    figure(t('fig.latest'), at(a.latest)),
    // The latest month or quarter after the latest year: beside the annual series, not part of it.
    a.latestIndication && (!a.latest || a.latestIndication.period !== a.latest.period)
      ? figure(t('fig.indication'), at(a.latestIndication)) : null,
    a.projected !== null && a.projected !== undefined
      ? figure(t('fig.projected', { year: target.targetYear }), formatValue(a.projected, target, a)) : null,
    // The 80 % range around the projection, how firm the verdict is, and what it rests on.
    a.projectedLow !== null && a.projectedLow !== undefined ? figure(t('fig.range'),
      `${formatValue(a.projectedLow, target, a)} – ${formatValue(a.projectedHigh, target, a)}`) : null,
    a.confidence ? figure(t('fig.confidence'), t(`confidence.${a.confidence}`)) : null,
    a.evidence ? figure(t('fig.evidence'), t('fig.evidenceText', a.evidence)) : null,
    // When the target was first met, and whether it fell short again since.
    a.firstMet ? figure(t('fig.firstMet'), a.slipped
      ? `${periodLabel(a.firstMet)} · ${t('fig.slippedIn', { period: periodLabel(a.slippedIn) })}` : periodLabel(a.firstMet))
      : null,
    // Years missing from the chain; after the deadline, what a single missing year would have needed.
    a.gaps && a.gaps.length ? figure(t('fig.gaps'), a.gaps.map((g) => (g.requiredValue !== null && g.requiredValue !== undefined
      ? t('fig.gapNeed', { period: g.period, value: gapValue(g, target) }) : g.period)).join(t('fig.gapSeparator')))
      : null,
    // A share's pace in percentage points, as analysts speak of it, with the relative rates beside it.
    ...(a.observedAnnualChange !== null && a.observedAnnualChange !== undefined ? [
      figure(t('fig.requiredPoints'), formatPoints(a.requiredAnnualChange)),
      figure(t('fig.observedPoints'), formatPoints(a.observedAnnualChange),
        h('span', { class: 'muted relative-rates', text: ` ${t('fig.relativeRates', {
          required: formatRate(a.requiredAnnualRate), observed: formatRate(a.observedAnnualRate) })}` })),
    ] : [
      // For a RELATIVE target the two rates are the means of the indicator and of the compared series.
      figure(t(relative ? 'fig.relatedMean' : 'fig.required'), formatRate(a.requiredAnnualRate)),
      figure(t(relative ? 'fig.ownMean' : 'fig.observed'), formatRate(a.observedAnnualRate)),
    ]),
    a.ratio !== null && a.ratio !== undefined ? figure(t('fig.ratio'), num(a.ratio, { maximumFractionDigits: 3 })) : null,
    a.progress !== null && a.progress !== undefined ? figure(t('fig.progress'), percent(a.progress)) : null,
    a.elapsed !== null && a.elapsed !== undefined ? figure(t('fig.elapsed'), percent(a.elapsed)) : null,
    figure(t('col.deadline'), deadline(target)),
  ];
  return h('dl', { class: 'figures' }, list);
}

// A series basis by its code, in the reader's language ("扣除原料用能和非化石能源消费量后").
function basisName(target, code) {
  const b = (target.indicator.bases || []).find((x) => x.code === code);
  return b ? pick(b.nameZh, b.nameEn) : code;
}

// The changes of definition after the baseline, linked or not, and the answer on each basis where two give one.
function breaks(target, a) {
  if (!a.breaks || !a.breaks.length) {
    return null;
  }
  return h('div', { class: 'series-breaks' },
    a.breaks.map((b) => h('p', { class: `notice ${b.linked ? 'notice-info' : 'notice-warning'} series-break-notice`, text:
      t(b.linked ? 'detail.breakLinked' : 'detail.breakUnlinked', {
        period: b.period, from: basisName(target, b.fromBasis), to: basisName(target, b.toBasis),
      }) })),
    a.byBasis && a.byBasis.length ? h('ul', { class: 'by-basis' }, a.byBasis.map((x) => h('li', { dataset: { basis: x.basis } },
      `${t('detail.onBasis', { basis: basisName(target, x.basis) })} `, statusBadge(x.status)))) : null);
}

function explanation(a, target) {
  if (!a.explanation) {
    return null;
  }
  const main = pick(a.explanation.zh, a.explanation.en);
  const other = main === a.explanation.zh ? a.explanation.en : a.explanation.zh;
  return h('div', { class: 'explanation' },
    h('p', { class: 'explanation-main', text: main }),
    other ? h('p', { class: 'explanation-other', lang: main === a.explanation.zh ? 'en' : 'zh-CN', text: other }) : null,
    a.missingYears && a.missingYears.length
      ? h('p', { class: 'notice notice-warning', text: t('detail.missingYears', { years: a.missingYears.join(', ') }) }) : null,
    target ? breaks(target, a) : null);
}

/**
 * The target's catalogue revisions, newest first: when, why (the seed's change note) and what changed. A report
 * with knownAt before a revision used the catalogue as it was then.
 */
function revisionHistory(revisions) {
  if (!revisions.length) {
    return null;
  }
  const value = (v) => (v === null || v === undefined ? t('rev.none') : v);
  return h('section', { class: 'panel revisions', 'aria-labelledby': 'rev-title' },
    h('h2', { id: 'rev-title', text: t('rev.title') }),
    h('ol', { class: 'revision-list', reversed: true },
      [...revisions].reverse().map((r) => h('li', { class: 'revision', dataset: { revision: String(r.revision), change: r.change } },
        h('p', {}, h('strong', { text: t(`rev.change.${r.change}`) }), ' ', h('time', { datetime: r.recordedAt, text: isoTime(r.recordedAt) })),
        r.changeNote ? h('p', { class: 'revision-note', text: r.changeNote }) : null,
        r.changes.length ? h('ul', { class: 'revision-changes' }, r.changes.map((c) => h('li', {},
          h('code', { text: c.field }), ': ', value(c.before), ' → ', value(c.after)))) : null))));
}

/** How a direction target's wording is read (docs/ASSESSMENT.md, "Wording that needs judgement"). */
function reading(target) {
  const r = target.reading;
  const change = t(target.direction === 'DOWN' ? 'reading.down' : 'reading.up');
  const rule = r.minimumChange > 0 ? t('reading.minimum', { change, pct: num(r.minimumChange) }) : t('reading.any', { change });
  return h('div', { class: 'reading' },
    h('p', {}, h('strong', { lang: 'zh-CN', text: t('reading.term', { term: pick(r.term, r.termEn) }) }), ' ', rule, '；',
      t(r.needsJudgement ? 'reading.needsJudgement' : 'reading.settled')),
    h('p', { class: 'reading-why', text: pick(r.justificationZh, r.justificationEn) }),
    r.citation ? h('p', { class: 'reading-citation', lang: 'zh-CN', text: t('reading.citation', { citation: r.citation }) }) : null);
}

function provenance(target) {
  const s = target.source;
  const item = (label, value) => (value ? [h('dt', { text: label }), h('dd', {}, value)] : null);
  const flags = [!target.baselineConfirmed && t('prov.baselineUnconfirmed'),
    !target.targetValueConfirmed && t('prov.targetUnconfirmed')].filter(Boolean);
  return h('section', { class: 'panel provenance', 'aria-labelledby': 'prov-title' },
    h('h2', { id: 'prov-title', text: t('prov.title') }),
    h('dl', {},
      item(t('prov.document'), h('span', { lang: 'zh-CN', text: s.documentTitleZh })),
      item(t('prov.number'), s.documentNumber),
      item(t('prov.section'), s.sectionEn ? pick(h('span', { lang: 'zh-CN', text: s.section }),
        h('span', {}, s.sectionEn, ' (', h('span', { lang: 'zh-CN', text: s.section }), ')'))
        : h('span', { lang: 'zh-CN', text: s.section })),
      item(t('prov.quote'), h('blockquote', { lang: 'zh-CN', class: 'quote', text: s.quote })),
      // One commitment stated in several documents: every other source, with its section and quote.
      (target.sources || []).slice(1).map((o) => item(t('prov.alsoStatedIn'), h('div', { class: 'other-source' },
        h('p', { lang: 'zh-CN', text: [pick(o.documentTitleZh, o.documentTitleEn), o.documentNumber].filter(Boolean).join(' · ') }),
        h('p', { lang: 'zh-CN', text: o.section }),
        h('blockquote', { lang: 'zh-CN', class: 'quote', text: o.quote }),
        o.note ? h('p', { class: 'reading-why', text: pick(o.noteZh, o.note) }) : null))),
      item(t('prov.binding'), bindingLabel(target.binding)),
      item(t('prov.agencies'), (target.agencies || []).join('、')),
      item(t('prov.scope'), target.scope && target.scope.length ? target.scope.join('、')
        : (target.indicator.theme === 'FTZ' ? t('prov.scopeAll') : null)),
      item(t('reading.title'), target.reading ? reading(target) : null),
      item(t('prov.baselineSource'), pick(target.baselineSourceZh, target.baselineSource)),
      item(t('prov.note'), pick(s.noteZh, s.note))),
    flags.map((f) => h('p', { class: 'notice notice-warning', text: f })));
}

/**
 * Renders the target's page; analysts and admins also get the forms. flash, after a save, is
 * {text, statusBefore}: the page then says how the status changed.
 */
export async function renderDetail(root, id, me, isCurrent, flash, params) {
  // #/targets/ID?asOf=2022-12-31: the target as it stood on a date (the overview's moment), today otherwise.
  const asOf = params && /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') || '') ? params.get('asOf') : null;
  leaveDetail();
  replace(root, h('p', {}, h('a', { href: '#/', text: t('common.back') })),
    h('p', { class: 'loading', role: 'status', text: t('common.loading') }));
  let target;
  try {
    target = await api.get(`/api/targets/${seg(id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && isCurrent()) {
      replace(root, h('h1', { tabindex: '-1', text: t('notfound.title') }),
        h('p', { text: t('notfound.target', { id }) }), h('p', {}, h('a', { href: '#/', text: t('common.back') })));
      return;
    }
    throw e;
  }
  const milestone = target.kind === 'MILESTONE';
  const code = target.indicator.code;
  const related = target.relatedIndicator;
  const [assessment, observations, deleted, relatedObs, audit, state, judgement, revisions] = await Promise.all([
    api.get(`/api/targets/${seg(id)}/assessment${asOf ? `?asOf=${asOf}` : ''}`),
    milestone ? [] : api.get(`/api/indicators/${seg(code)}/observations`),
    milestone ? [] : api.get(`/api/indicators/${seg(code)}/observations/deleted`),
    related ? api.get(`/api/indicators/${seg(related.code)}/observations`) : [],
    api.get(milestone ? `/api/audit?target=${seg(id)}&size=50` : `/api/audit?indicator=${seg(code)}&size=50`),
    milestone ? api.get(`/api/targets/${seg(id)}/milestone`) : null,
    api.get(`/api/targets/${seg(id)}/judgement`),
    api.get(`/api/targets/${seg(id)}/revisions`),
  ]);
  const series = milestone ? [] : await actualSeries(target, assessment, observations, asOf);
  if (!isCurrent()) {
    return;
  }
  const canWrite = me.roles.includes('analyst') || me.roles.includes('admin');
  const reload = (message) => renderDetail(root, id, me, isCurrent, message, params);
  // After a save the page reloads and says what the save did to the status.
  const onSaved = (text) => reload({ text, statusBefore: assessment.status });
  const live = h('div', { class: 'flash', role: 'status', 'aria-live': 'polite' });
  if (flash) {
    const change = flash.statusBefore === assessment.status
      ? t('entry.statusSame', { status: t(`status.${assessment.status}`) })
      : t('entry.statusChanged', { from: t(`status.${flash.statusBefore}`), to: t(`status.${assessment.status}`) });
    live.append(h('p', { class: 'notice notice-success', tabindex: '-1' }, flash.text, ' ', change,
      flash.undo ? [' ', h('button', { type: 'button', class: 'button-small undo', text: t('hist.undo'), onClick: flash.undo })]
        : null));
  }
  const chartBox = h('div', { class: 'chart-container' });
  const main = h('div', { class: 'detail-main' });
  // The forms have a box of their own: beside the figures on wide screens, first on a phone (app.css).
  const entry = h('div', { class: 'detail-entry' });
  const side = h('div', { class: 'detail-side' });
  replace(root,
    h('p', { class: 'back' }, h('a', { href: '#/', text: t('common.back') })),
    h('header', { class: 'detail-head' },
      h('h1', { tabindex: '-1', text: indicatorName(target.indicator) }),
      h('p', { class: 'detail-goal' }, h('span', { class: 'goal-text', text: targetWording(target) }), ' ',
        statusBadge(assessment.status), judgementMark(assessment)),
      h('p', { class: 'target-meta' }, h('span', { text: documentName(target.source) }),
        h('span', { text: bindingLabel(target.binding) }), h('span', { class: 'target-id', text: target.id })),
      exportLinks({ targets: [target.id], asOf: asOf || undefined })),
    asOf ? h('p', { class: 'notice notice-info moment-note', text: t('moment.showing', { asOf, knownAt: t('moment.now') }) })
      : null,
    live,
    h('div', { class: 'detail-grid' }, entry, main, side));

  main.append(h('section', { class: 'panel', 'aria-labelledby': 'assess-title' },
    h('h2', { id: 'assess-title', text: t('detail.explanation') }), explanation(assessment, target), figures(target, assessment)));
  if (!milestone) {
    main.append(h('section', { class: 'panel', 'aria-labelledby': 'chart-title' },
      h('h2', { id: 'chart-title', text: t('chart.title') }), chartBox));
    chart = drawChart(chartBox, target, assessment, series,
      related ? { indicator: related, points: relatedObs.filter((o) => o.form === 'LEVEL' && isYear(o.period)).map((o) => ({ x: Number(o.period), y: o.value })) } : null,
      target.kind === 'RELATIVE' ? [] : boundsOf(observations));
    chartBox.append(chartTable(chart, target, assessment) || '');
  }
  if (milestone) {
    entry.append(milestoneForm(target, state, canWrite, onSaved));
  } else if (canWrite) {
    entry.append(observationForm(target, observations, relatedObs, assessment, onSaved));
  }
  side.append(judgementPanel(target, judgement, canWrite, onSaved), provenance(target), revisionHistory(revisions));
  if (!milestone) {
    const restore = async (o) => {
      try {
        await api.post(`/api/indicators/${seg(code)}/observations/${seg(o.period)}/restore?version=${o.version}${onBasis(o, '&')}`);
        reload({ text: t('hist.restored', { period: o.period }), statusBefore: assessment.status });
      } catch (error) {
        live.replaceChildren(h('p', { class: 'form-alert', role: 'alert', text: errorMessage(error) }));
      }
    };
    main.append(observationTable(target, observations, deleted, canWrite, {
      onCorrect: (o) => {
        const form = entry.querySelector('form.entry-form');
        form?.dispatchEvent(new CustomEvent('prefill', { detail: o }));
        form?.scrollIntoView({ block: 'start' });
      },
      onDelete: async (o) => {
        try {
          await api.del(`/api/indicators/${seg(code)}/observations/${seg(o.period)}?version=${o.version}${onBasis(o, '&')}`);
          // The deleted row's version is the next one: undo restores exactly what was deleted.
          reload({
            text: t('hist.deleted', { period: o.period }), statusBefore: assessment.status,
            undo: () => restore({ period: o.period, basis: o.basis, version: o.version + 1 }),
          });
        } catch (error) {
          live.replaceChildren(h('p', { class: 'form-alert', role: 'alert', text: errorMessage(error) }));
        }
      },
      onRestore: restore,
    }));
  }
  main.append(auditTable(audit));
  live.querySelector('p')?.focus();
}
