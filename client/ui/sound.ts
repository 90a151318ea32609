// Short synthesised tones (no audio files): an alert falls, a success rises.
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === "suspended") void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function tone(freqs: number[], kind: OscillatorType, each = 0.09, volume = 0.05): void {
  const c = context();
  if (!c) return;
  let t = c.currentTime;
  for (const f of freqs) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = kind;
    osc.frequency.value = f;
    gain.gain.setValueAtTime(volume, t);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + each);
    osc.connect(gain).connect(c.destination);
    osc.start(t);
    osc.stop(t + each);
    t += each * 0.9;
  }
}

export const sounds = {
  alert: () => tone([660, 440], "square", 0.12, 0.035),
  critical: () => tone([520, 390, 260], "sawtooth", 0.13, 0.03),
  ok: () => tone([520, 780], "sine", 0.08, 0.05),
  refuse: () => tone([200], "triangle", 0.1, 0.05),
};
