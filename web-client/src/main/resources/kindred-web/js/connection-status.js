// The small connection line in the top bar: "Reconnecting…" while a dropped socket comes
// back, "Connected again" briefly afterwards. Polite, never alarming.
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
      this.node.textContent = 'Reconnecting… your conversation is kept.';
    } else if (state === 'connecting' && this.wasDown) {
      this.node.textContent = 'Connecting…';
    } else if (state === 'open') {
      this.node.textContent = this.wasDown ? 'Connected again.' : '';
      if (this.wasDown) this.timer = setTimeout(() => { this.node.textContent = ''; }, 4000);
      this.wasDown = false;
    } else if (state === 'closed') {
      this.node.textContent = code === 1000 ? '' : 'Disconnected.';
    } else {
      this.node.textContent = '';
    }
  }
}
