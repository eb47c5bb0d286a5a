// The signed-in user's personal access tokens, for scripts (GET/POST /api/tokens, DELETE /api/tokens/{id}):
// a form to make one (name, role up to one's own, expiry), the new secret shown once with a copy button, and
// the list of one's tokens with their state and a revoke button (after a confirmation).

import { api, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { errorMessage, field, showErrors } from './entry.js';
import { isoTime, todayIso } from './format.js';

const ROLES = ['viewer', 'analyst', 'admin'];
/** The expiry the form proposes; the server allows up to tracker.security.token-max-lifetime and says so. */
const DEFAULT_DAYS = 90;

function daysFromToday(days) {
  const d = new Date(`${todayIso()}T12:00:00`);
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A token's state now: revoked, expired or active. */
function stateOf(token) {
  if (token.revokedAt) {
    return 'revoked';
  }
  return new Date(token.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

/** The secret of a token just made: shown once, selectable, with a copy button. */
function secretPanel(created) {
  const input = h('input', { class: 'token-secret', readonly: true, value: created.token, 'aria-label': t('tokens.secretLabel', { name: created.name }), spellcheck: 'false' });
  const copied = h('span', { class: 'muted token-copied', role: 'status' });
  const copy = h('button', {
    type: 'button', class: 'button-small token-copy', text: t('tokens.copy'),
    onClick: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(created.token);
        copied.textContent = t('tokens.copied');
      } catch (e) {
        copied.textContent = t('tokens.copyByHand');
      }
    },
  });
  return h('div', { class: 'notice notice-success token-created', tabindex: '-1' },
    h('p', { text: t('tokens.created', { name: created.name }) }),
    h('p', { class: 'with-unit' }, input, copy, copied),
    h('p', { class: 'hint', text: t('tokens.usage') }));
}

function tokenRow(token, onRevoke) {
  const state = stateOf(token);
  const actions = h('td', { class: 'row-actions' });
  const idle = () => replace(actions, state !== 'active' ? null : h('button', {
    type: 'button', class: 'button-small button-danger token-revoke', text: t('tokens.revoke'),
    'aria-label': t('tokens.revokeLabel', { name: token.name }), onClick: confirming,
  }));
  function confirming() {
    const yes = h('button', { type: 'button', class: 'button-small button-danger token-confirm-revoke', text: t('tokens.confirmRevoke'), onClick: () => onRevoke(token) });
    replace(actions, h('p', { text: t('tokens.revokeQuestion', { name: token.name }) }), yes, ' ',
      h('button', { type: 'button', class: 'button-small', text: t('tokens.cancel'), onClick: idle }));
    yes.focus();
  }
  idle();
  return h('tr', { dataset: { tokenId: String(token.id) }, class: `token-row token-${state}` },
    h('th', { scope: 'row', text: token.name }),
    h('td', { text: t(`role.${token.role}`) }),
    h('td', { class: 'token-state', text: t(`tokens.state.${state}`) }),
    h('td', { text: isoTime(token.createdAt) }),
    h('td', { text: isoTime(token.expiresAt) }),
    h('td', { class: 'token-last-used', text: token.lastUsedAt ? isoTime(token.lastUsedAt) : t('tokens.never') }),
    actions);
}

/** The tokens section of the account page; isCurrent() is false once the user has gone to another page. */
export function tokensSection(me, isCurrent) {
  const own = ROLES.filter((r) => me.roles.includes(r));
  const top = own.length ? ROLES.indexOf(own[own.length - 1]) : 0;
  const name = h('input', { name: 'name', autocomplete: 'off', maxlength: '100', required: true });
  const role = h('select', { name: 'role' },
    ROLES.slice(0, top + 1).map((r, i) => h('option', { value: r, text: t(`role.${r}`), selected: i === top })));
  const expires = h('input', { name: 'expiresAt', type: 'date', required: true, value: daysFromToday(DEFAULT_DAYS), min: daysFromToday(1), max: daysFromToday(365) });
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('tokens.submit') });
  const fresh = h('div', { class: 'token-fresh' });
  const listAlert = h('div', { class: 'form-alert token-alert', role: 'alert', tabindex: '-1', hidden: true });
  const list = h('div', { class: 'token-list' });

  async function load() {
    const tokens = await api.get('/api/tokens');
    if (!isCurrent()) {
      return;
    }
    const head = ['tokens.col.name', 'tokens.col.role', 'tokens.col.state', 'tokens.col.created', 'tokens.col.expires', 'tokens.col.lastUsed', 'tokens.col.actions'];
    replace(list, tokens.length === 0 ? h('p', { class: 'muted', text: t('tokens.none') })
      : h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('tokens.title') },
        h('table', { class: 'tokens-table' },
          h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', text: t(k) })))),
          h('tbody', {}, tokens.map((tk) => tokenRow(tk, revoke))))));
  }

  async function revoke(token) {
    try {
      await api.del(`/api/tokens/${token.id}`);
      listAlert.hidden = true;
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return;
      }
      listAlert.hidden = false;
      replace(listAlert, h('p', { text: errorMessage(error) }));
      listAlert.focus();
    }
  }

  const form = h('form', { class: 'token-form', id: 'token-form', novalidate: true },
    h('h3', { text: t('tokens.new') }),
    field(t('tokens.name'), name, t('tokens.nameHint')),
    field(t('tokens.role'), role, t('tokens.roleHint')),
    field(t('tokens.expires'), expires, t('tokens.expiresHint')),
    alert, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    replace(fresh);
    submit.disabled = true;
    try {
      // The end of the chosen day in the browser's time zone, sent with its offset (as UTC).
      const end = expires.value ? new Date(`${expires.value}T23:59:59`).toISOString() : null;
      const created = await api.post('/api/tokens', { name: name.value.trim(), role: role.value, expiresAt: end });
      name.value = '';
      showErrors(form, alert, null);
      const panel = secretPanel(created);
      replace(fresh, panel);
      panel.focus();
      await load();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        showErrors(form, alert, error);
      }
    } finally {
      submit.disabled = false;
    }
  });

  const section = h('section', { class: 'panel tokens', id: 'tokens', 'aria-labelledby': 'tokens-title' },
    h('h2', { id: 'tokens-title', text: t('tokens.title') }),
    h('p', { text: t('tokens.intro') }), fresh, listAlert, list, form);
  load().catch((error) => {
    if (!(error instanceof ApiError && error.status === 401)) {
      replace(list, h('p', { class: 'form-alert', text: errorMessage(error) }));
    }
  });
  return section;
}
