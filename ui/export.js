// Report downloads: links to GET /api/reports/status in the four formats, for what is on screen.
// The overview passes the targets its filters show (so search, deadline and binding filters are
// respected too); a target's page passes that one target. Plain links: the session cookie goes
// with them, and the browser downloads or (HTML) opens the report.

import { h, replace } from './dom.js';
import { currentLanguage, t } from './i18n.js';

const FORMATS = ['csv', 'xlsx', 'pdf', 'html'];

/**
 * The report URL for a format and the given filters ({document, theme, status, targets: [...], asOf, knownAt,
 * omitNoData}).
 */
export function reportUrl(format, filters) {
  const query = new URLSearchParams({ format, lang: currentLanguage() });
  for (const key of ['document', 'theme', 'status', 'asOf', 'knownAt']) {
    if (filters[key]) {
      query.set(key, filters[key]);
    }
  }
  if (filters.targets && filters.targets.length) {
    query.set('target', filters.targets.join(','));
  }
  if (filters.omitNoData) {
    query.set('omitNoData', 'true');
  }
  return `/api/reports/status?${query}`;
}

/** A labelled group of export links; call it again (or update()) when the selection changes. */
export function exportLinks(filters) {
  const nav = h('nav', { class: 'export-links', 'aria-label': t('export.label') });
  update(nav, filters);
  return nav;
}

export function update(nav, filters) {
  replace(nav, h('span', { class: 'export-label', text: t('export.label') }),
    FORMATS.map((format) => h('a', {
      class: 'button-secondary export-link', href: reportUrl(format, filters), dataset: { format },
      target: format === 'html' ? '_blank' : null, rel: format === 'html' ? 'noopener' : null,
      download: format === 'html' ? null : '', text: t(`export.${format}`),
    })));
}
