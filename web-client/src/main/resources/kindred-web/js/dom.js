// Small DOM helpers. Text is only ever set through textContent: nothing a person typed is
// parsed as HTML anywhere in the client. Words for people are messages of the catalogs
// (i18n.js): `text` and attribute values may be a msg(key, params), translated where shown.
import { put, putAttr, isMsg } from './i18n.js';

/**
 * el('button', {className: 'x', text: msg('x.hi'), attrs: {type: 'button'}, on: {click: fn}}, child…)
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined && props.text !== null) put(node, props.text);
  if (props.attrs) {
    for (const [k, v] of Object.entries(props.attrs)) {
      if (v === false || v === null || v === undefined) continue;
      if (typeof v === 'object') putAttr(node, k, v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (props.on) {
    for (const [k, fn] of Object.entries(props.on)) node.addEventListener(k, fn);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (isMsg(child)) node.append(put(document.createElement('span'), child));
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error('missing element #' + id);
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}
