// The signed-in user's own account: who they are, and a form to change their password with the current one
// (PUT /api/me/password; the server ends the user's other sessions, this one stays signed in), and their API
// tokens (tokens.js).

import { api, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { field, showErrors } from './entry.js';
import { tokensSection } from './tokens.js';

function passwordInput(name, autocomplete) {
  return h('input', { name, type: 'password', autocomplete, required: true });
}

export function renderAccount(root, me, isCurrent) {
  const role = ['admin', 'analyst', 'viewer'].find((r) => me.roles.includes(r)) || me.roles[0] || '';
  const current = passwordInput('currentPassword', 'current-password');
  const next = passwordInput('newPassword', 'new-password');
  const again = passwordInput('repeatPassword', 'new-password');
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('div', { class: 'notice notice-success password-changed', role: 'status', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('account.submit') });
  const form = h('form', { class: 'panel password-form', id: 'password-form', novalidate: true },
    h('h2', { text: t('account.password') }),
    // A user name field (hidden) lets password managers file the new password under the right account.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: me.username, hidden: true, readonly: true }),
    field(t('account.current'), current),
    field(t('account.new'), next, t('password.hint')),
    field(t('account.repeat'), again),
    alert, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.hidden = true;
    if (next.value !== again.value) {
      showErrors(form, alert, new ApiError(400, {
        detail: t('account.mismatch'),
        errors: [{ field: 'repeatPassword', message: t('account.mismatch') }],
      }));
      return;
    }
    submit.disabled = true;
    submit.textContent = t('account.busy');
    try {
      await api.put('/api/me/password', { currentPassword: current.value, newPassword: next.value });
      [current, next, again].forEach((input) => { input.value = ''; });
      showErrors(form, alert, null);
      status.hidden = false;
      status.textContent = t('account.changed');
      status.focus();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        showErrors(form, alert, error);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = t('account.submit');
    }
  });
  status.setAttribute('tabindex', '-1');
  replace(root, h('h1', { tabindex: '-1', text: t('account.title') }),
    h('p', { text: t('account.signedInAs', { user: me.username, role: t(`role.${role}`) }) }), status, form,
    tokensSection(me, isCurrent));
}
