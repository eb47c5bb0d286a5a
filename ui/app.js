// Entry point: the session (sign-in, sign-out, who am I), the header, and hash routing:
//   #/                 overview (with filters as query parameters: #/?status=AT_RISK)
//   #/targets/{id}     one target
//   #/import           bulk import (analysts)
//   #/users            user management (admins)
//   #/account          the signed-in user's account: change my password, API tokens for scripts

import { signIn, signOut, api, whenUnauthorized, ApiError } from './api.js';
import { h, nextId, replace } from './dom.js';
import { applyLabels, has, loadLanguage, otherLanguage, t } from './i18n.js';
import { renderOverview } from './overview.js';
import { leaveDetail, renderDetail } from './detail.js';
import { renderImport } from './import.js';
import { renderUsers } from './users.js';
import { renderAccount } from './account.js';
import { errorMessage } from './entry.js';
import { loadPalette } from './format.js';

const main = document.getElementById('main');
const userBox = document.getElementById('user');
const nav = document.getElementById('nav');
const langButton = document.getElementById('lang');

let me = null; // {username, roles}: kept in memory only, never in storage
let renderCount = 0;
let signInOptions = null; // {sso, ssoPath}: whether single sign-on is offered, asked once

async function ssoOptions() {
  if (!signInOptions) {
    try {
      signInOptions = await api.get('/api/session/options');
    } catch {
      return { sso: false }; // the password form still works; ask again next time
    }
  }
  return signInOptions;
}

function canWrite() {
  return Boolean(me) && (me.roles.includes('analyst') || me.roles.includes('admin'));
}

function drawChrome() {
  applyLabels(document);
  langButton.textContent = t('lang.other');
  langButton.setAttribute('lang', otherLanguage() === 'zh' ? 'zh-CN' : 'en');
  langButton.setAttribute('aria-label', t('lang.switchLabel'));
  nav.hidden = !me;
  nav.querySelector('[data-route="import"]').parentElement.hidden = !canWrite();
  nav.querySelector('[data-route="users"]').parentElement.hidden = !(me && me.roles.includes('admin'));
  if (!me) {
    replace(userBox);
    return;
  }
  const role = ['admin', 'analyst', 'viewer'].find((r) => me.roles.includes(r)) || me.roles[0] || '';
  replace(userBox, h('span', { class: 'user-name', text: t('user.signedInAs', { user: me.username, role: t(`role.${role}`) }) }),
    h('button', { type: 'button', id: 'sign-out', class: 'button-secondary', text: t('signout'), onClick: doSignOut }));
}

function showSignIn(message) {
  leaveDetail();
  me = null;
  renderCount += 1;
  drawChrome();
  const userId = nextId('username');
  const passId = nextId('password');
  const username = h('input', { id: userId, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: passId, name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: !message }, message || '');
  const submit = h('button', { type: 'submit', class: 'button-primary', text: t('signin.submit') });
  const form = h('form', { class: 'panel signin-form', id: 'signin-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: userId, text: t('signin.username') }), username),
    h('div', { class: 'field' }, h('label', { for: passId, text: t('signin.password') }), password),
    alert, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    submit.textContent = t('signin.busy');
    try {
      const ok = await signIn(username.value.trim(), password.value);
      password.value = ''; // the password lives only as long as the request
      if (!ok) {
        throw new Error(t('signin.failed'));
      }
      await start();
    } catch (error) {
      alert.hidden = false;
      replace(alert, error instanceof ApiError ? errorMessage(error) : error.message);
      alert.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = t('signin.submit');
    }
  });
  replace(main, h('h1', { tabindex: '-1', text: t('signin.title') }), h('p', { text: t('signin.intro') }), form);
  username.focus();
  ssoOptions().then((options) => {
    if (options.sso && form.isConnected) {
      // A plain link, not a fetch: the browser itself goes to the provider and comes back signed in.
      form.after(h('p', { class: 'signin-sso' },
        h('a', { href: options.ssoPath, id: 'sso-sign-in', class: 'button-secondary', text: t('signin.sso') })));
    }
  });
}

async function doSignOut() {
  try {
    await signOut();
  } finally {
    showSignIn(t('signin.signedOut'));
  }
}

function showError(error) {
  replace(main, h('h1', { tabindex: '-1', text: t('error.title') }),
    h('div', { class: 'form-alert', role: 'alert' }, h('p', { text: errorMessage(error) })),
    h('p', {}, h('button', { type: 'button', class: 'button-secondary', text: t('common.retry'), onClick: route })));
}

/** Renders the view the hash names. Each render gets a token so a slow answer cannot overwrite a newer view. */
async function route() {
  if (!me) {
    return;
  }
  leaveDetail();
  renderCount += 1;
  const token = renderCount;
  const isCurrent = () => token === renderCount && Boolean(me);
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  nav.querySelectorAll('a').forEach((a) => a.removeAttribute('aria-current'));
  try {
    const detail = /^\/targets\/([^/]+)$/.exec(path);
    if (detail) {
      await renderDetail(main, decodeURIComponent(detail[1]), me, isCurrent, null, new URLSearchParams(query || ''));
    } else if (path === '/import') {
      nav.querySelector('[data-route="import"]').setAttribute('aria-current', 'page');
      renderImport(main, me, isCurrent);
    } else if (path === '/users') {
      nav.querySelector('[data-route="users"]').setAttribute('aria-current', 'page');
      await renderUsers(main, me, isCurrent);
    } else if (path === '/account') {
      nav.querySelector('[data-route="account"]').setAttribute('aria-current', 'page');
      renderAccount(main, me, isCurrent);
    } else if (path === '/' || path === '') {
      nav.querySelector('[data-route="overview"]').setAttribute('aria-current', 'page');
      await renderOverview(main, new URLSearchParams(query || ''), isCurrent, me);
    } else {
      replace(main, h('h1', { tabindex: '-1', text: t('notfound.title') }), h('p', {}, h('a', { href: '#/', text: t('common.back') })));
    }
    if (isCurrent()) {
      main.querySelector('h1')?.focus({ preventScroll: true });
    }
  } catch (error) {
    if (isCurrent() && !(error instanceof ApiError && error.status === 401)) {
      showError(error);
    }
  }
}

async function start() {
  try {
    me = await api.get('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return; // the unauthorized handler has shown the sign-in view
    }
    if (error instanceof ApiError && error.status === 403) {
      // Signed in (e.g. through single sign-on) without any of this app's roles.
      showSignIn(t('signin.noRole'));
      return;
    }
    me = null;
    drawChrome();
    showError(error);
    return;
  }
  drawChrome();
  await route();
}

// Several calls of one view may fail together when the session ends: show the sign-in view once.
whenUnauthorized((ended) => {
  if (!document.getElementById('signin-form')) {
    const known = ended && ended !== 'unknown' && has(`signin.ended.${ended}`);
    showSignIn(known ? t(`signin.ended.${ended}`) : me ? t('signin.expired') : '');
  }
});

langButton.addEventListener('click', async () => {
  await loadLanguage(otherLanguage());
  if (me) {
    drawChrome();
    await route();
  } else {
    showSignIn();
  }
});

window.addEventListener('hashchange', route);

Promise.all([loadLanguage(), loadPalette()]).then(start).catch((error) => {
  replace(main, h('p', { class: 'form-alert', role: 'alert', text: String(error.message || error) }));
});
