// A soft two-note chime made with Web Audio (no sound file, nothing to download). Off until
// the moderator turns it on, which also satisfies the browser's autoplay rule.
export class Chime {
  constructor(button) {
    this.button = button;
    this.ctx = null;
    this.last = 0;
    button.addEventListener('click', () => this.toggle());
  }

  get on() {
    return this.button.getAttribute('aria-pressed') === 'true';
  }

  toggle() {
    const on = !this.on;
    this.button.setAttribute('aria-pressed', String(on));
    if (on && !this.ctx && window.AudioContext) this.ctx = new AudioContext();
    if (on) this.play(true);
  }

  /** Plays at most every 15 seconds unless forced. */
  play(force) {
    if (!this.on || !this.ctx) return;
    const now = Date.now();
    if (!force && now - this.last < 15000) return;
    this.last = now;
    const t = this.ctx.currentTime;
    [[660, 0], [880, 0.18]].forEach(([freq, delay]) => {
      const osc = this.ctx.createOscillator();
      const gain = this.ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + delay);
      gain.gain.exponentialRampToValueAtTime(0.15, t + delay + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + delay + 0.5);
      osc.connect(gain).connect(this.ctx.destination);
      osc.start(t + delay);
      osc.stop(t + delay + 0.55);
    });
  }
}
