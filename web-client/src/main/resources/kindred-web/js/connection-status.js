// The small connection line in the top bar: "Reconnecting…" while a dropped socket comes
// back, "Connected again" briefly afterwards. Polite, never alarming.
import { put, msg } from './i18n.js';

export class ConnectionStatus {
  constructor(node) {
    this.node = node;
    this.wasDown = false;
    this.timer = null;
  }

  update(state, code) {
    clearTimeout(this.timer);
    this.node.dataset.state = state;
    if (state === 'reconnecting') {
      this.wasDown = true;
      put(this.node, msg('conn.reconnecting'));
    } else if (state === 'connecting' && this.wasDown) {
      put(this.node, msg('conn.connecting'));
    } else if (state === 'open') {
      put(this.node, this.wasDown ? msg('conn.again') : '');
      if (this.wasDown) this.timer = setTimeout(() => { put(this.node, ''); }, 4000);
      this.wasDown = false;
    } else if (state === 'closed') {
      put(this.node, code === 1000 ? '' : msg('conn.closed'));
    } else {
      put(this.node, '');
    }
  }
}
