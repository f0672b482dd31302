// One WebSocket to /ws speaking PROTOCOL.md v1: hello (with resume token after a drop),
// request ids with one reply each, server events, and reconnection with backoff.
//
// Events (CustomEvent, detail in brackets):
//   state     {state: 'connecting'|'open'|'reconnecting'|'closed', code?}
//   welcome   {welcome, resumed}       after every successful hello
//   helloerror {error}                 hello was refused (unauthorized, banned, …)
//   message   {msg}                    every server push (no id)

import { t } from './i18n.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
const FINAL_CODES = new Set([1008, 4003]);

/** The reply of a request made while offline; its message is in the language shown. */
export const OFFLINE = Object.freeze({
  type: 'error',
  code: 'offline',
  get message() {
    return t('conn.offline');
  },
});

export class Connection extends EventTarget {
  /**
   * @param {object} options
   * @param {() => object} options.hello extra hello fields (locale, region, auth)
   * @param {string} [options.url]
   * @param {{session: string, memberId: string}} [options.resume] a session to resume (after a reload)
   */
  constructor({ hello, url, resume }) {
    super();
    this.helloFields = hello;
    this.url = url || (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
    this.state = 'idle';
    this.session = resume ? resume.session : null;
    this.memberId = resume ? resume.memberId : null;
    this.welcome = null;
    this.socket = null;
    this.pending = new Map();
    this.nextId = 1;
    this.attempt = 0;
    this.timer = null;
    this.stopped = false;
    this.ready = null;
    this.onOnline = () => {
      if (this.state === 'reconnecting') this.retryNow();
    };
    window.addEventListener('online', this.onOnline);
  }

  /** Connects (once) and resolves with the welcome; later calls return the same promise. */
  start() {
    if (!this.ready) {
      this.ready = new Promise((resolve, reject) => {
        this.resolveReady = resolve;
        this.rejectReady = reject;
      });
      this.open();
    }
    return this.ready;
  }

  get isOpen() {
    return this.state === 'open';
  }

  /** Sends a request and resolves with its reply (an `error` reply too; never rejects). */
  request(message) {
    if (!this.isOpen) return Promise.resolve(OFFLINE);
    const id = String(this.nextId++);
    return new Promise(resolve => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ ...message, id }));
    });
  }

  /** Fire-and-forget (typing). */
  notify(message) {
    if (this.isOpen) this.socket.send(JSON.stringify(message));
  }

  /** Closes for good (sign-out, region change). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    if (this.socket) this.socket.close(1000, 'bye');
    this.setState('closed', 1000);
  }

  open() {
    clearTimeout(this.timer);
    // 'reconnecting' only after this page had a connection: resuming after a reload is a first connect.
    this.setState(this.session && this.welcome ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(this.url);
    this.socket = ws;
    ws.addEventListener('open', () => this.sayHello(ws));
    ws.addEventListener('message', e => this.onFrame(e.data));
    ws.addEventListener('close', e => this.onClose(ws, e.code));
  }

  async sayHello(ws) {
    const fields = { type: 'hello', v: 1, ...this.helloFields() };
    if (this.session) fields.resume = this.session;
    for (const [k, v] of Object.entries(fields)) if (v === null || v === undefined) delete fields[k];
    const id = 'hello-' + this.nextId++;
    const reply = await new Promise(resolve => {
      this.pending.set(id, resolve);
      ws.send(JSON.stringify({ ...fields, id }));
    });
    if (ws !== this.socket) return;
    if (reply.type !== 'welcome') {
      this.dispatchEvent(new CustomEvent('helloerror', { detail: { error: reply } }));
      if (reply.code === 'banned') {
        this.stopped = true;
        ws.close(1000, 'banned');
        this.setState('closed', 4003);
      }
      return;
    }
    const resumed = this.memberId !== null && reply.member.id === this.memberId;
    this.session = reply.session;
    this.memberId = reply.member.id;
    this.welcome = reply;
    this.attempt = 0;
    this.setState('open');
    this.dispatchEvent(new CustomEvent('welcome', { detail: { welcome: reply, resumed } }));
    if (this.resolveReady) {
      this.resolveReady(reply);
      this.resolveReady = null;
    }
  }

  /** After an `unauthorized` hello: try again with fresh fields on the same socket. */
  helloAgain() {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.sayHello(this.socket);
  }

  onFrame(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg.id !== undefined && this.pending.has(msg.id)) {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve(msg);
      return;
    }
    this.dispatchEvent(new CustomEvent('message', { detail: { msg } }));
  }

  onClose(ws, code) {
    if (ws !== this.socket) return;
    for (const resolve of this.pending.values()) resolve(OFFLINE);
    this.pending.clear();
    if (this.stopped || FINAL_CODES.has(code)) {
      this.stopped = true;
      this.setState('closed', code);
      return;
    }
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] * (code === 4029 ? 4 : 1);
    this.attempt++;
    this.setState(this.session && this.welcome ? 'reconnecting' : 'connecting', code);
    this.timer = setTimeout(() => this.open(), base + Math.random() * base * 0.3);
  }

  retryNow() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.open();
  }

  setState(state, code) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, code } }));
  }
}
