// User management (admins): the users with their role, state, creation and last sign-in; a form to create one;
// per user, change the role, disable or enable, reset the password, delete (after a confirmation). Every change
// goes through PUT or DELETE /api/users/{username}; the server ends the user's sessions and audits it.

import { api, ApiError, seg } from './api.js';
import { h, nextId, replace } from './dom.js';
import { t } from './i18n.js';
import { errorMessage, field, showErrors } from './entry.js';
import { isoTime } from './format.js';

const ROLES = ['viewer', 'analyst', 'admin'];

/** The problem's field messages after the general one, for an alert that is not next to a form's fields. */
function problemText(error) {
  const fields = error instanceof ApiError ? error.fieldErrors.map((f) => f.message) : [];
  return [errorMessage(error), ...fields].join(' ');
}

function roleSelect(name, value, label) {
  return h('select', { name, 'aria-label': label },
    ROLES.map((r) => h('option', { value: r, text: t(`role.${r}`), selected: r === value })));
}

function createForm(onCreated) {
  const username = h('input', { name: 'username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true });
  const role = roleSelect('role', 'viewer', null);
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('users.createSubmit') });
  const form = h('form', { class: 'panel user-create', id: 'user-create', novalidate: true },
    h('h2', { text: t('users.create') }),
    field(t('users.username'), username),
    field(t('users.password'), password, t('password.hint')),
    field(t('users.role'), role),
    alert, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const created = await api.post('/api/users', { username: username.value.trim(), password: password.value, role: role.value });
      password.value = '';
      username.value = '';
      showErrors(form, alert, null);
      onCreated(created);
    } catch (error) {
      showErrors(form, alert, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** One user's row: the role select, the state, dates, and the actions (which redraw the list when done). */
function userRow(user, me, act) {
  const name = user.username;
  const actions = h('td', { class: 'row-actions' });
  const idle = () => replace(actions,
    h('button', {
      type: 'button', class: `button-small ${user.enabled ? 'user-disable' : 'user-enable'}`,
      text: t(user.enabled ? 'users.disable' : 'users.enable'),
      'aria-label': t(user.enabled ? 'users.disableLabel' : 'users.enableLabel', { user: name }),
      onClick: () => act(name, { enabled: !user.enabled }, user.enabled ? 'users.done.disabled' : 'users.done.enabled'),
    }), ' ',
    h('button', { type: 'button', class: 'button-small user-reset', text: t('users.reset'), 'aria-label': t('users.resetLabel', { user: name }), onClick: resetting }), ' ',
    h('button', { type: 'button', class: 'button-small button-danger user-delete', text: t('users.delete'), 'aria-label': t('users.deleteLabel', { user: name }), onClick: confirming }));

  function resetting() {
    const id = nextId('reset');
    const password = h('input', { id, name: 'password', type: 'password', autocomplete: 'new-password', required: true });
    const form = h('form', { class: 'user-reset-form', novalidate: true },
      h('label', { for: id, text: t('users.newPasswordFor', { user: name }) }), password,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button-small user-reset-submit', text: t('users.resetSubmit') }),
        h('button', { type: 'button', class: 'button-small', text: t('users.cancel'), onClick: idle })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(name, { password: password.value }, 'users.done.reset', () => { password.value = ''; password.focus(); });
    });
    replace(actions, form);
    password.focus();
  }

  function confirming() {
    const yes = h('button', {
      type: 'button', class: 'button-small button-danger user-confirm-delete', text: t('users.confirmDelete'),
      onClick: () => act(name, null, 'users.done.deleted'),
    });
    replace(actions, h('p', { class: 'user-delete-question', text: t('users.deleteQuestion', { user: name }) }),
      yes, ' ', h('button', { type: 'button', class: 'button-small', text: t('users.cancel'), onClick: idle }));
    yes.focus();
  }

  idle();
  const role = roleSelect('role', user.role, t('users.roleLabel', { user: name }));
  role.addEventListener('change', () => act(name, { role: role.value }, 'users.done.role', () => { role.value = user.role; }));
  return h('tr', { dataset: { username: name }, class: user.enabled ? 'user-row' : 'user-row user-disabled' },
    h('th', { scope: 'row' }, h('span', { class: 'user-name-cell', text: name }),
      name === me.username ? h('span', { class: 'muted', text: ` ${t('users.you')}` }) : null),
    h('td', {}, role),
    h('td', { class: 'user-state', text: t(user.enabled ? 'users.enabled' : 'users.disabled') }),
    h('td', { text: isoTime(user.createdAt) }),
    h('td', { class: 'user-last-sign-in', text: user.lastSignInAt ? isoTime(user.lastSignInAt) : t('users.never') }),
    actions);
}

export async function renderUsers(root, me, isCurrent) {
  if (!me.roles.includes('admin')) {
    replace(root, h('h1', { tabindex: '-1', text: t('users.title') }), h('p', { class: 'notice', text: t('users.forbidden') }));
    return;
  }
  const status = h('div', { class: 'notice notice-success user-status', role: 'status', hidden: true });
  const alert = h('div', { class: 'form-alert user-alert', role: 'alert', tabindex: '-1', hidden: true });
  const list = h('section', { class: 'panel', 'aria-labelledby': 'users-list-title' });

  function tell(key, vars) {
    alert.hidden = true;
    status.hidden = false;
    status.textContent = t(key, vars);
  }

  /** PUT (or DELETE, for no body) one user, then redraw; on failure says why and calls undo. */
  async function act(username, body, done, undo) {
    try {
      const changed = body ? await api.put(`/api/users/${seg(username)}`, body) : await api.del(`/api/users/${seg(username)}`);
      await load();
      tell(done, { user: username, role: changed ? t(`role.${changed.role}`) : '' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return;
      }
      if (undo) {
        undo();
      }
      status.hidden = true;
      alert.hidden = false;
      replace(alert, h('p', { text: problemText(error) }));
      alert.focus();
    }
  }

  async function load() {
    const users = await api.get('/api/users');
    if (!isCurrent()) {
      return;
    }
    const head = ['users.col.username', 'users.col.role', 'users.col.state', 'users.col.created', 'users.col.lastSignIn', 'users.col.actions'];
    replace(list, h('h2', { id: 'users-list-title', text: t('users.list', { count: users.length }) }),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'users-list-title' },
        h('table', { class: 'users-table' },
          h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', text: t(k) })))),
          h('tbody', {}, users.map((u) => userRow(u, me, act))))));
  }

  replace(root, h('h1', { tabindex: '-1', text: t('users.title') }), h('p', { text: t('users.intro') }), status, alert, list,
    createForm(async (created) => {
      await load();
      tell('users.done.created', { user: created.username });
    }));
  await load();
}
