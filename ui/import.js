// Bulk import of values from CSV or XLSX: upload the file, follow the job until it ends (with a
// progress indicator), and show its per-row errors in a table. Validate first (dryRun=true), then
// import. The XLSX template is downloaded through fetch so an expired session shows the sign-in
// view instead of a browser password dialog.

import { api, ApiError } from './api.js';
import { h, nextId, replace } from './dom.js';
import { t } from './i18n.js';
import { errorMessage } from './entry.js';

const TYPES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const DONE = ['SUCCEEDED', 'REJECTED', 'FAILED', 'CANCELLED'];

/** Whether the server has no such endpoint (an older version): said plainly, not as a failure. */
function unavailable(error) {
  return error instanceof ApiError && [404, 405, 501].includes(error.status);
}

function typeOf(file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  return TYPES[ext] || null;
}

async function downloadTemplate(alert) {
  try {
    const blob = await api.blob('/api/observations/template.xlsx', TYPES.xlsx);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: 'observations-template.xlsx', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      alert.hidden = false;
      replace(alert, h('p', { text: unavailable(error) ? t('import.unavailable', { status: error.status }) : errorMessage(error) }));
    }
  }
}

function errorsTable(job) {
  const errors = Array.isArray(job.errors) ? job.errors : [];
  const count = job.errorCount ?? errors.length;
  if (!count) {
    return null;
  }
  return h('section', { class: 'import-errors', 'aria-labelledby': 'import-errors-title' },
    h('h2', { id: 'import-errors-title', text: t('import.errors', { count }) }),
    errors.length < count ? h('p', { class: 'muted', text: t('import.errorsTruncated', { count, shown: errors.length }) }) : null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'import-errors-title' },
      h('table', {}, h('thead', {}, h('tr', {}, ['import.row', 'import.indicator', 'import.period', 'import.column',
        'import.message'].map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, errors.map((e) => h('tr', {},
        h('td', { class: 'num', text: e.row === undefined || e.row === null ? '' : String(e.row) }),
        h('td', { class: 'error-indicator', text: e.indicator || '' }),
        h('td', { class: 'error-period', text: e.period || '' }),
        h('td', { text: e.column || e.field || '' }),
        h('td', { text: e.message || '' })))))));
}

/** The job's state: a progress bar while it runs (with a cancel button once it has an address), then counts, summary and errors. */
function jobView(job, dryRun, cancel) {
  const status = job.status || 'QUEUED';
  const running = !DONE.includes(status);
  const bar = h('progress', { max: '100', 'aria-label': t(`import.status.${status}`) });
  if (status === 'WRITING' && job.rowsValid) {
    bar.value = Math.round(100 * (job.rowsWritten || 0) / job.rowsValid);
  } else if (!running) {
    bar.value = 100;
  } // else indeterminate: the number of rows is not known yet
  const s = job.summary;
  return h('div', { class: `import-job import-${status}`, dataset: { status } },
    h('p', { class: 'import-status' }, h('strong', { text: t(`import.status.${status}`) })),
    bar,
    running && cancel ? h('p', {}, h('button', { type: 'button', class: 'button-secondary import-cancel',
      text: t('import.cancel'), onclick: (e) => { e.currentTarget.disabled = true; cancel(); } })) : null,
    // Rows with a blank value (a template's unfilled rows) are skipped, not counted as read values.
    h('p', { class: 'import-counts', text: t('import.counts', {
      read: Math.max(0, (job.rowsRead ?? 0) - (s && !running ? (s.skipped ?? 0) : 0)), valid: job.rowsValid ?? 0,
      written: job.rowsWritten ?? 0 }) }),
    s && !running && s.skipped ? h('p', { class: 'muted', text: t('import.skipped', { skipped: s.skipped }) }) : null,
    s && !running ? h('p', { text: t('import.summary', { created: s.created ?? 0, corrected: s.corrected ?? 0, unchanged: s.unchanged ?? 0 }) }) : null,
    status === 'SUCCEEDED' && dryRun ? h('p', { class: 'notice notice-success', text: t('import.dryRunOk') }) : null,
    status === 'SUCCEEDED' && !dryRun ? h('p', {}, h('a', { href: '#/', text: t('common.back') })) : null,
    errorsTable(job));
}

export function renderImport(root, me, isCurrent) {
  const canWrite = me.roles.includes('analyst') || me.roles.includes('admin');
  if (!canWrite) {
    replace(root, h('h1', { tabindex: '-1', text: t('import.title') }), h('p', { class: 'notice', text: t('import.forbidden') }));
    return;
  }
  const fileId = nextId('import-file');
  const file = h('input', { id: fileId, name: 'file', type: 'file', accept: '.csv,.xlsx,text/csv,' + TYPES.xlsx, required: true });
  const modeName = nextId('mode');
  const mode = (value, checked) => h('label', { class: 'radio' },
    h('input', { type: 'radio', name: modeName, value, checked }), ' ', t(`import.mode.${value}`));
  const confirmId = nextId('confirm-forms');
  const confirmForms = h('input', { id: confirmId, type: 'checkbox', name: 'confirmForms' });
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const result = h('div', { class: 'import-result', role: 'status', 'aria-live': 'polite' });
  const buttons = [h('button', { type: 'submit', class: 'button-secondary', value: 'validate', text: t('import.validate') }),
    h('button', { type: 'submit', class: 'button-primary', value: 'import', text: t('import.run') })];

  async function run(dryRun) {
    alert.hidden = true;
    const chosen = file.files && file.files[0];
    const type = chosen ? typeOf(chosen) : null;
    if (!chosen || !type) {
      alert.hidden = false;
      replace(alert, h('p', { text: t(chosen ? 'import.badType' : 'import.noFile') }));
      file.setAttribute('aria-invalid', 'true');
      file.focus();
      return;
    }
    file.removeAttribute('aria-invalid');
    const upsert = form.querySelector(`input[name="${modeName}"]:checked`).value;
    const query = new URLSearchParams({ dryRun: String(dryRun), mode: upsert, wait: 'false', fileName: chosen.name,
      confirmForms: String(confirmForms.checked) });
    buttons.forEach((b) => { b.disabled = true; });
    replace(result, jobView({ status: 'QUEUED' }, dryRun));
    let posted = false; // a 404 before the upload was accepted means no import endpoint at all
    try {
      const response = await api.upload(`/api/observations/imports?${query}`, chosen, type);
      posted = true;
      let job = response.status === 204 ? {} : await response.json().catch(() => ({}));
      const location = response.headers.get('Location') || (job.id ? `/api/observations/imports/${encodeURIComponent(job.id)}` : null);
      // Location may be absolute; only its path is used, so the poll stays on this origin.
      const poll = location ? (({ pathname, search }) => pathname + search)(new URL(location, window.location.href)) : null;
      // Cancelling: the job ends CANCELLED and nothing of it is written (a 409 means it had finished first).
      const cancel = poll ? async () => {
        try {
          job = await api.post(`${poll.split('?')[0]}/cancel`);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 409)) {
            alert.hidden = false;
            replace(alert, h('p', { text: errorMessage(error) }));
          }
        }
      } : null;
      // Follow the job until it ends, a little less often as time goes on.
      for (let delay = 300; !DONE.includes(job.status) && poll && isCurrent(); delay = Math.min(delay * 1.5, 2000)) {
        replace(result, jobView(job, dryRun, cancel));
        await new Promise((resolve) => { setTimeout(resolve, delay); });
        if (!DONE.includes(job.status)) {
          job = await api.get(poll);
        }
      }
      if (isCurrent()) {
        replace(result, jobView(job, dryRun));
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return;
      }
      replace(result);
      alert.hidden = false;
      replace(alert, h('p', { text: !posted && unavailable(error) ? t('import.unavailable', { status: error.status }) : errorMessage(error) }));
      alert.focus();
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  const form = h('form', { class: 'panel import-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: fileId, text: t('import.file') }), file),
    h('fieldset', {}, h('legend', { text: t('import.mode') }), mode('create', true), mode('upsert', false)),
    h('div', { class: 'field field-check' }, confirmForms, ' ', h('label', { for: confirmId, text: t('import.confirmForms') })),
    alert, h('div', { class: 'actions' }, buttons));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(e.submitter ? e.submitter.value === 'validate' : true);
  });
  replace(root, h('h1', { tabindex: '-1', text: t('import.title') }),
    h('p', { text: t('import.intro') }),
    h('p', {}, h('button', { type: 'button', class: 'button-secondary', text: t('import.template'), onClick: () => downloadTemplate(alert) })),
    form, result);
}
