// The target's chart, in the manner of Our World in Data: the baseline, the actual series, the
// target at the deadline (a band for 左右 targets), the path the observed pace leads to (dashed), and
// a line for today. Chart.js comes from the webjar as the global `Chart` (loaded before this module).

import { h } from './dom.js';
import { currentLanguage, t } from './i18n.js';
import { formatValue, indicatorName, periodLabel, periodX, todayIso, unitOf } from './format.js';

const COLOURS = {
  actual: '#0b5cad', baseline: '#3d4650', target: '#b02a37', band: 'rgba(176, 42, 55, 0.16)',
  required: '#6c757d', related: '#7a3e9d', today: '#8a5a00',
};
const FONT = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Today as a fractional year, so the line sits where today is within the year. */
function todayX() {
  const now = new Date();
  const start = new Date(now.getFullYear(), 0, 1);
  const end = new Date(now.getFullYear() + 1, 0, 1);
  return now.getFullYear() + (now - start) / (end - start);
}

// Draws a vertical line at options.x with a label; a plugin because core Chart.js has no annotations.
const todayLine = {
  id: 'todayLine',
  afterDatasetsDraw(chart, args, options) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x.getPixelForValue(options.x);
    if (!Number.isFinite(x) || x < chartArea.left || x > chartArea.right) {
      return;
    }
    ctx.save();
    ctx.strokeStyle = COLOURS.today;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = COLOURS.today;
    ctx.font = `12px ${FONT}`;
    // The label goes on whichever side of the line has room for it.
    const right = x + 4 + ctx.measureText(options.label).width <= chartArea.right;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(options.label, x + (right ? 4 : -4), chartArea.top + 12);
    ctx.restore();
  },
};

/** The target's value (and band) on the assessment's scale, or null when it has none there. */
export function targetOnScale(target, assessment) {
  const v = target.targetValue;
  if (v === null || v === undefined || target.kind === 'RELATIVE' || target.kind === 'DIRECTION') {
    return null;
  }
  if ((assessment.valueBasis === 'CHANGE_PCT') !== (target.kind === 'CHANGE_VS_BASE')) {
    return null; // the target is worded on another scale than the values
  }
  const tol = target.tolerance || 0;
  if (target.kind === 'AVERAGE_GROWTH') {
    // The level that average growth from the baseline would reach by the deadline.
    const b = assessment.baseline;
    if (!b || b.value === null) {
      return null;
    }
    const years = target.targetYear - Number(b.period);
    const at = (g) => b.value * (1 + g / 100) ** years;
    return { value: at(v), low: tol ? at(v - tol) : null, high: tol ? at(v + tol) : null };
  }
  return { value: v, low: tol ? v - tol : null, high: tol ? v + tol : null };
}

function line(id, label, data, colour, extra) {
  return {
    id, label, data, borderColor: colour, backgroundColor: colour, pointRadius: 3, borderWidth: 2,
    tension: 0, ...extra,
  };
}

/**
 * The datasets for a target; each carries an `id` (actual, baseline, target, targetLow, targetHigh,
 * projected, required, related) so that tests and the data table can find them.
 */
export function datasets(target, assessment, series, related, bounds) {
  const out = [];
  const b = assessment.baseline;
  const basePoint = b && b.value !== null ? { x: Number(b.period), y: b.value } : null;
  const actual = [...(basePoint ? [basePoint] : []), ...series].sort((p, q) => p.x - q.x);
  if (actual.length) {
    out.push(line('actual', t('chart.actual'), actual, COLOURS.actual));
  }
  // Published bounds ("超过25%") are marks, not points of the line: ▲ at least, ▼ at most.
  if (bounds && bounds.length && assessment.valueBasis !== 'CHANGE_PCT') {
    out.push(line('bounds', t('chart.bounds'), bounds.map((b) => ({ x: b.x, y: b.y })), COLOURS.actual,
      { pointStyle: 'triangle', pointRadius: 7, showLine: false, pointRotation: bounds.map((b) => (b.qualifier === 'AT_MOST' ? 180 : 0)) }));
  }
  if (basePoint) {
    out.push(line('baseline', t(target.baselineConfirmed ? 'chart.baseline' : 'chart.baselineUnconfirmed'), [basePoint], COLOURS.baseline,
      { pointStyle: 'rectRot', pointRadius: 7, showLine: false }));
  }
  if (related && related.points.length) {
    out.push(line('related', t('chart.related', { name: indicatorName(related.indicator) }), related.points,
      COLOURS.related, { borderDash: [2, 2] }));
  }
  const goal = targetOnScale(target, assessment);
  const T = target.targetYear;
  if (goal && goal.low !== null) {
    const span = (y) => [{ x: T - 0.4, y }, { x: T + 0.4, y }];
    out.push(line('targetHigh', t('chart.targetBand'), span(goal.high), COLOURS.band,
      { pointRadius: 0, borderWidth: 1, hideInLegend: true }));
    out.push(line('targetLow', t('chart.targetBand'), span(goal.low), COLOURS.band,
      { pointRadius: 0, borderWidth: 1, fill: '-1' }));
  }
  if (goal) {
    out.push(line('target', t(target.targetValueConfirmed ? 'chart.target' : 'chart.targetUnconfirmed'), [{ x: T, y: goal.value }], COLOURS.target,
      { pointStyle: 'star', pointRadius: 9, borderWidth: 2, showLine: false }));
    if (basePoint) {
      out.push(line('required', t('chart.required'), [basePoint, { x: T, y: goal.value }], COLOURS.required,
        { borderDash: [2, 4], borderWidth: 1.5, pointRadius: 0 }));
    }
  }
  const latest = assessment.latest;
  if (latest && latest.value !== null && assessment.projected !== null && assessment.projected !== undefined
    && periodX(latest.period) < T && target.kind !== 'RELATIVE') {
    out.push(line('projected', t('chart.projected'), [{ x: periodX(latest.period), y: latest.value },
      { x: T, y: assessment.projected }], COLOURS.actual, { borderDash: [6, 5], pointRadius: [0, 4] }));
  }
  // The 80 % range around the projection, as a bar at the deadline (docs/ASSESSMENT.md, "Evidence and uncertainty").
  if (assessment.projectedLow !== null && assessment.projectedLow !== undefined
    && assessment.projectedHigh !== null && assessment.projectedHigh !== undefined) {
    out.push(line('projectedRange', t('chart.projectedRange'), [{ x: T, y: assessment.projectedLow },
      { x: T, y: assessment.projectedHigh }], 'rgba(11, 92, 173, 0.45)', { borderWidth: 6, pointRadius: 0 }));
  }
  // The latest month or quarter after the latest year: a hollow mark beside the line, not a point of it.
  const indication = assessment.latestIndication;
  if (indication && indication.value !== null && assessment.valueBasis === 'LEVEL'
    && (!latest || latest.period !== indication.period)) {
    out.push(line('indication', t('chart.indication'), [{
      x: periodX(indication.period), y: indication.value, label: periodLabel(indication.period, indication.ytd),
    }], COLOURS.actual, { pointStyle: 'circle', pointRadius: 6, backgroundColor: '#ffffff', showLine: false }));
  }
  return out;
}

/** Draws the chart into a new canvas inside container; answers the Chart instance (or null). */
export function drawChart(container, target, assessment, series, related, bounds) {
  const sets = datasets(target, assessment, series, related, bounds);
  if (!sets.length || typeof Chart === 'undefined') {
    container.append(h('p', { class: 'empty', text: t('chart.empty') }));
    return null;
  }
  const xs = sets.flatMap((d) => d.data.map((p) => p.x));
  const today = todayX();
  const min = Math.floor(Math.min(...xs, today) - 0.5);
  const max = Math.ceil(Math.max(...xs, today) + 0.5);
  const yTitle = assessment.valueBasis === 'CHANGE_PCT'
    ? t('chart.axisChange', { base: target.baseYear ?? assessment.baseline?.period })
    : unitOf(target.indicator) || '';
  const canvas = h('canvas', {
    role: 'img', 'aria-label': t('chart.aria', { name: indicatorName(target.indicator) }), id: 'target-chart',
  });
  container.append(h('div', { class: 'chart-box' }, canvas));
  // eslint-disable-next-line no-undef
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: sets },
    plugins: [todayLine],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: true,
      locale: currentLanguage() === 'zh' ? 'zh-CN' : 'en-GB',
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear', min, max, title: { display: true, text: t('chart.axisYear') },
          ticks: { stepSize: max - min > 16 ? 5 : 1, callback: (v) => (Number.isInteger(v) ? String(v) : '') },
        },
        y: { title: { display: Boolean(yTitle), text: yTitle } },
      },
      plugins: {
        todayLine: { x: today, label: `${t('chart.today')} ${todayIso()}` },
        legend: { labels: { filter: (item, data) => !data.datasets[item.datasetIndex].hideInLegend } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? items[0].raw.label || String(Math.round(items[0].parsed.x)) : ''),
            label: (item) => `${item.dataset.label}: ${formatValue(item.parsed.y, target,
              item.dataset.id === 'related' ? { valueBasis: 'LEVEL' } : assessment)}`,
          },
        },
      },
    },
  });
}

/** The chart's data as a table, for screen readers and anyone who wants the numbers. */
export function chartTable(chart, target, assessment) {
  if (!chart) {
    return null;
  }
  const scale = (d) => (d.id === 'related' ? { valueBasis: 'LEVEL' } : assessment);
  const year = (x) => (Number.isInteger(x) ? String(x) : String(Math.round(x)));
  const sets = chart.data.datasets;
  const low = sets.find((d) => d.id === 'targetLow');
  const high = sets.find((d) => d.id === 'targetHigh');
  // The band is drawn as two short lines; the table gives it once, as its range at the deadline.
  const rows = sets.filter((d) => d.id !== 'targetLow' && d.id !== 'targetHigh').flatMap((d) => d.data.map((p) => [
    d.label, p.label || year(p.x), formatValue(p.y, target, scale(d))]));
  if (low && high) {
    rows.push([low.label, String(target.targetYear),
      `${formatValue(low.data[0].y, target, assessment)} – ${formatValue(high.data[0].y, target, assessment)}`]);
  }
  return h('details', { class: 'chart-table' }, h('summary', { text: t('chart.tableSummary') }),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['chart.tableSeries', 'chart.tableYear', 'chart.tableValue']
        .map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', { text: c }))))))));
}
