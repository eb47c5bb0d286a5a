// DOM building. Text always goes in through textContent / text nodes, never innerHTML, so a value
// typed by a user (a note, a source) can never turn into markup or script.

/**
 * h('a', {href: '#/', class: 'x', text: 'label', onClick: fn}, child, [more children])
 * Attributes whose value is null, undefined or false are left out; true sets an empty attribute.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text) and nodes; skips null, undefined and false; flattens arrays. */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces the element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let uid = 0;

/** A unique id for label/aria-describedby pairs. */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
