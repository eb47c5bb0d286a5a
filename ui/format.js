// How targets and values read, in the words the server made once for the app and every report: the
// target's wording (target.wording) and how a value reads with its unit (indicator.valuePattern);
// values as a change against the base year, the status badge and the progress bar.

import { h } from './dom.js';
import { has, num, percent, pick, t } from './i18n.js';

export const STATUSES = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'MISSED', 'NO_DATA'];
const TWO = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
export const THEMES = ['CARBON_ENERGY', 'INTELLECTUAL_PROPERTY', 'SERVICE_TRADE', 'FTZ'];

// A distinct shape per status, so that the status never rests on colour alone.
const ICONS = { ACHIEVED: '✓', ON_TRACK: '▲', AT_RISK: '◆', OFF_TRACK: '▼', MISSED: '✕', NO_DATA: '○' };

export function indicatorName(indicator) {
  return indicator ? pick(indicator.nameZh, indicator.nameEn) : '';
}

export function unitOf(indicator) {
  return indicator ? pick(indicator.unit, indicator.unitEn) : null;
}

/** A pair {zh, en} made by the server, in the current language. */
export function inLanguage(pair) {
  return pair ? pick(pair.zh, pair.en) : '';
}

/** A number with exactly {decimals} decimals, as a statistic is published. */
export function fixed(value, decimals) {
  return num(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "−4.57": a real minus sign, which reads better than a hyphen next to Chinese text. */
function signed(value, options) {
  const text = num(Math.abs(value), options);
  if (value < 0) {
    return `−${text}`;
  }
  return value > 0 ? `+${text}` : text;
}

/**
 * A level of the indicator with its unit, as the server words it ("17.7%", "12 亿千瓦", "12 × 100 million kW"),
 * rounded to the decimals the indicator is published with.
 */
export function withUnit(value, indicator) {
  const pattern = indicator && indicator.valuePattern ? inLanguage(indicator.valuePattern) : '{value}';
  const decimals = indicator && Number.isInteger(indicator.precision) ? indicator.precision : null;
  return pattern.replace('{value}', decimals === null ? num(value) : fixed(value, decimals));
}

/** The year a CHANGE_PCT value is counted from. */
export function originYear(target, assessment) {
  return target.baseYear ?? assessment?.baseline?.period ?? target.baselineYear;
}

/**
 * A value as the assessment states it: on the level scale with the indicator's unit, or, when
 * valueBasis is CHANGE_PCT, as the signed cumulative change: "比2020年 −4.57%".
 */
export function formatValue(value, target, assessment, qualifier) {
  if (value === null || value === undefined) {
    return t('common.none');
  }
  if (assessment?.valueBasis === 'CHANGE_PCT') {
    return qualified(t('value.change', { base: originYear(target, assessment), value: signed(value, TWO) }), qualifier);
  }
  return qualified(withUnit(value, target.indicator), qualifier);
}

/** A value's text marked as published: "≥ 25%" for a bound, "约 25%" for an approximation; unchanged when exact. */
export function qualified(text, qualifier) {
  return qualifier && qualifier !== 'EXACT' ? t(`value.qualified.${qualifier}`, { value: text }) : text;
}

/** A rate in percent per year, always with two decimals: "−3.89%/年", "−0.38%/年". */
export function formatRate(rate) {
  return rate === null || rate === undefined ? t('common.none') : t('value.rate', { value: signed(rate, TWO) });
}

/** A share's pace in percentage points a year: "+0.47 个百分点/年". */
export function formatPoints(points) {
  return points === null || points === undefined ? t('common.none') : t('value.points', { value: signed(points, TWO) });
}

/** The deadline: the exact date where the text gives one, else the year. */
export function deadline(target) {
  return target.targetDate || String(target.targetYear);
}

/** The target as the server words it for the app and every report: "≥ 12 亿千瓦（2030年）". */
export function targetWording(target) {
  return inLanguage(target.wording);
}

/** A short name of a source document (full title when no short one is known). */
export function documentName(source) {
  const key = `doc.${source.document}`;
  return has(key) ? t(key) : pick(source.documentTitleZh, source.documentTitleEn);
}

export function bindingLabel(binding) {
  return t(`binding.${binding || 'NONE'}`);
}

/**
 * The status colours of ui/palette.json, the file the reports are coloured from too, as CSS custom
 * properties (--status-ON_TRACK-fill, -text, -accent) that app.css uses.
 */
export async function loadPalette() {
  const response = await fetch('palette.json', { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
  if (!response.ok) {
    throw new Error(`palette: HTTP ${response.status}`);
  }
  const palette = await response.json();
  Object.entries(palette.status).forEach(([status, colours]) => Object.entries(colours).forEach(([part, colour]) => {
    document.documentElement.style.setProperty(`--status-${status}-${part}`, colour);
  }));
}

/** A status as colour, shape and text. */
export function statusBadge(status) {
  const s = STATUSES.includes(status) ? status : 'NO_DATA';
  return h('span', { class: `status status-${s}`, dataset: { status: s } },
    h('span', { class: 'status-icon', 'aria-hidden': 'true', text: ICONS[s] }),
    h('span', { class: 'status-text', text: t(`status.${s}`) }));
}

/**
 * Beside the computed status: the analyst's judgement, marked as the analyst's, or, when the wording needs one and
 * none is recorded, that it is needed. Null when neither.
 */
export function judgementMark(a) {
  if (a.judgement) {
    return h('span', { class: 'judgement-mark', dataset: { status: a.judgement.status },
      text: t('judgement.mark', { status: t(`status.${a.judgement.status}`) }) });
  }
  return a.needsJudgement ? h('span', { class: 'judgement-mark judgement-needed', text: t('judgement.needed') }) : null;
}

export function statusIcon(status) {
  return ICONS[status] || ICONS.NO_DATA;
}

/** The share of the distance covered as a bar, with the share of time elapsed as a tick. */
export function progressBar(progress, elapsed) {
  if (progress === null || progress === undefined) {
    return h('span', { class: 'progress-none', text: t('progress.none') });
  }
  const done = Math.max(0, Math.min(1, progress));
  const label = t('progress.text', {
    progress: percent(progress), elapsed: elapsed === null || elapsed === undefined ? t('common.none') : percent(elapsed),
  });
  const fill = h('span', { class: `progress-fill${progress < 0 ? ' progress-negative' : ''}` });
  fill.style.width = `${done * 100}%`;
  const bar = h('span', {
    class: 'progress-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
    'aria-valuenow': String(Math.round(done * 100)), 'aria-label': label,
  }, fill);
  if (elapsed !== null && elapsed !== undefined) {
    const tick = h('span', { class: 'progress-elapsed', 'aria-hidden': 'true' });
    tick.style.left = `${Math.max(0, Math.min(1, elapsed)) * 100}%`;
    bar.append(tick);
  }
  return h('span', { class: 'progress' }, bar, h('span', { class: 'progress-label', text: label }));
}

/** An API timestamp as ISO 8601 to the minute, in UTC: "2026-11-27 04:08 UTC". */
export function isoTime(timestamp) {
  if (!timestamp) {
    return t('common.none');
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
  if (!match) {
    return String(timestamp);
  }
  const date = new Date(timestamp);
  const utc = Number.isNaN(date.getTime()) ? `${match[1]} ${match[2]}` : date.toISOString().slice(0, 16).replace('T', ' ');
  return `${utc} UTC`;
}

/** Today as an ISO date (local calendar). */
export function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a period is a whole year ("2024"), not a month ("2025-07") or a quarter ("2025Q3"). */
export function isYear(period) {
  return /^\d{4}$/.test(String(period));
}

/**
 * Where a period sits on a chart's year axis, where a year's value is drawn at its year: a month's or a
 * quarter's at its end within that year (2025-07 → 2024.58, 2025Q3 → 2024.75, 2025 → 2025).
 */
export function periodX(period) {
  const s = String(period);
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    return Number(month[1]) - 1 + Number(month[2]) / 12;
  }
  const quarter = /^(\d{4})Q([1-4])$/.exec(s);
  if (quarter) {
    return Number(quarter[1]) - 1 + Number(quarter[2]) / 4;
  }
  return Number(s);
}

/**
 * A period as read: "2025年7月" / "July 2025", "2025年第3季度" / "Q3 2025", a year as it is; `ytd` a
 * year-to-date figure ("2025年1–7月累计" / "January–July 2025, year to date").
 */
export function periodLabel(period, ytd) {
  const s = String(period);
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) {
    const name = new Date(Number(month[1]), Number(month[2]) - 1, 1).toLocaleString('en-GB', { month: 'long' });
    const vars = { year: month[1], month: Number(month[2]), name };
    return ytd && Number(month[2]) > 1 ? t('period.monthYtd', vars) : t('period.month', vars);
  }
  const quarter = /^(\d{4})Q([1-4])$/.exec(s);
  if (quarter) {
    const vars = { year: quarter[1], quarter: quarter[2] };
    return ytd && quarter[2] !== '1' ? t('period.quarterYtd', vars) : t('period.quarter', vars);
  }
  return s;
}
