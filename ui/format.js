// How targets and values read: the target's wording built from its fields, values with their unit
// (or as a change against the base year), the status badge and the progress bar.

import { h } from './dom.js';
import { currentLanguage, has, num, percent, pick, t } from './i18n.js';

export const STATUSES = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'MISSED', 'NO_DATA'];
export const THEMES = ['CARBON_ENERGY', 'INTELLECTUAL_PROPERTY', 'SERVICE_TRADE', 'FTZ'];

// A distinct shape per status, so that the status never rests on colour alone.
const ICONS = { ACHIEVED: '✓', ON_TRACK: '▲', AT_RISK: '◆', OFF_TRACK: '▼', MISSED: '✕', NO_DATA: '○' };

export function indicatorName(indicator) {
  return indicator ? pick(indicator.nameZh, indicator.nameEn) : '';
}

export function unitOf(indicator) {
  return indicator ? pick(indicator.unit, indicator.unitEn) : null;
}

/** "−4.57": a real minus sign, which reads better than a hyphen next to Chinese text. */
function signed(value, options) {
  const text = num(Math.abs(value), options);
  if (value < 0) {
    return `−${text}`;
  }
  return value > 0 ? `+${text}` : text;
}

/** A level with its unit: "17.7%", "12 亿千瓦", "12 × 100 million kW". */
export function withUnit(value, unit) {
  const text = num(value);
  if (!unit) {
    return text;
  }
  if (unit === '%') {
    return `${text}%`;
  }
  // English units such as "100 million kW" start with a number: say it is a multiple.
  if (currentLanguage() === 'en' && /^\d/.test(unit)) {
    return `${text} × ${unit}`;
  }
  return `${text} ${unit}`;
}

/** The year a CHANGE_PCT value is counted from. */
export function originYear(target, assessment) {
  return target.baseYear ?? assessment?.baseline?.period ?? target.baselineYear;
}

/**
 * A value as the assessment states it: on the level scale with the indicator's unit, or, when
 * valueBasis is CHANGE_PCT, as the signed cumulative change: "比2020年 −4.57%".
 */
export function formatValue(value, target, assessment) {
  if (value === null || value === undefined) {
    return t('common.none');
  }
  if (assessment?.valueBasis === 'CHANGE_PCT') {
    return t('value.change', { base: originYear(target, assessment), value: signed(value) });
  }
  return withUnit(value, unitOf(target.indicator));
}

/** A rate in percent per year: "−3.89%/年". */
export function formatRate(rate) {
  return rate === null || rate === undefined ? t('common.none') : t('value.rate', { value: signed(rate) });
}

/** The deadline: the exact date where the text gives one, else the year. */
export function deadline(target) {
  return target.targetDate || String(target.targetYear);
}

function by(target) {
  return target.targetDate ? t('goal.byDate', { date: target.targetDate }) : t('goal.byYear', { year: target.targetYear });
}

/** The target as the document words it, e.g. "≥ 12 亿千瓦（2030年）", "比2020年下降18%（2025年）". */
export function targetWording(target) {
  const unit = unitOf(target.indicator);
  const v = target.targetValue;
  const value = v === null || v === undefined ? '' : withUnit(v, unit);
  const tolerance = target.tolerance ? t('goal.tolerance', { tol: num(target.tolerance) }) : '';
  switch (target.kind) {
    case 'LEVEL_AT_LEAST':
    case 'COUNT':
      return t('goal.atLeast', { value }) + by(target);
    case 'LEVEL_AT_MOST':
      return t('goal.atMost', { value }) + by(target);
    case 'LEVEL_ABOUT':
      return t('goal.about', { value }) + tolerance + by(target);
    case 'COVERAGE':
      return (v === 100 ? t('goal.fullCoverage') : t('goal.coverage', { value })) + by(target);
    case 'CHANGE_VS_BASE':
      return t(v < 0 ? 'goal.changeDown' : 'goal.changeUp', { base: target.baseYear, pct: num(Math.abs(v)) })
        + by(target);
    case 'AVERAGE_GROWTH':
      return t(target.tolerance ? 'goal.growthAbout' : 'goal.growth', { pct: num(v) })
        + t('goal.years', { from: (target.baseYear ?? target.baselineYear) + 1, to: target.targetYear });
    case 'DIRECTION':
      return t(`goal.direction.${target.direction || 'UP'}`) + by(target);
    case 'RELATIVE':
      return t(`goal.relative.${target.direction || 'UP'}`, { other: indicatorName(target.relatedIndicator) })
        + by(target);
    case 'MAINTAIN':
      return (v === null || v === undefined ? t('goal.maintain') : t('goal.maintainValue', { value })) + by(target);
    case 'MILESTONE':
      return indicatorName(target.indicator) + by(target);
    default:
      return value + by(target);
  }
}

/** A short name of a source document (full title when no short one is known). */
export function documentName(source) {
  const key = `doc.${source.document}`;
  return has(key) ? t(key) : pick(source.documentTitleZh, source.documentTitleEn);
}

export function bindingLabel(binding) {
  return t(`binding.${binding || 'NONE'}`);
}

/** A status as colour, shape and text. */
export function statusBadge(status) {
  const s = STATUSES.includes(status) ? status : 'NO_DATA';
  return h('span', { class: `status status-${s}`, dataset: { status: s } },
    h('span', { class: 'status-icon', 'aria-hidden': 'true', text: ICONS[s] }),
    h('span', { class: 'status-text', text: t(`status.${s}`) }));
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
