// Labels in Chinese (the default) and English. The chosen language is the only thing the app keeps
// in localStorage. Numbers are formatted per locale; dates are always ISO 8601.

const STORAGE_KEY = 'tracker.lang';
const LOCALES = { zh: 'zh-CN', en: 'en-GB' };

let lang = 'zh';
let messages = {};

function storedLanguage() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value in LOCALES ? value : 'zh';
  } catch {
    return 'zh';
  }
}

/** Loads the language's labels (the stored choice when none is given) and marks the page with it. */
export async function loadLanguage(next = storedLanguage()) {
  const response = await fetch(`i18n/${next}.json`, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
  if (!response.ok) {
    throw new Error(`labels for ${next}: HTTP ${response.status}`);
  }
  messages = await response.json();
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice just does not survive a reload.
  }
  document.documentElement.lang = LOCALES[next];
}

export function currentLanguage() {
  return lang;
}

export function otherLanguage() {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The label for key with {placeholders} filled in; the key itself when missing (visible in tests). */
export function t(key, vars) {
  const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Whether a label exists (for optional per-code labels such as document short names). */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Picks the Chinese or English variant of a pair from the API, falling back to the other. */
export function pick(zh, en) {
  return lang === 'zh' ? (zh ?? en) : (en ?? zh);
}

const formats = new Map();

/** A number in the current locale; up to two decimals, four for small magnitudes. */
export function num(value, options) {
  const digits = Math.abs(value) < 1 && value !== 0 ? 4 : 2;
  const opts = options || { maximumFractionDigits: digits };
  const key = `${lang}|${JSON.stringify(opts)}`;
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(LOCALES[lang], opts));
  }
  return formats.get(key).format(value);
}

/** A share 0..1 as a whole percent ("44%"). */
export function percent(share) {
  return num(share, { style: 'percent', maximumFractionDigits: 0 });
}

/** Fills [data-i18n] (text) and [data-i18n-label] (aria-label) under root. */
export function applyLabels(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}
