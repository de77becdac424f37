/**
 * The console's arrival sound: a short two-tone beep drawn with WebAudio, so no sound file is shipped
 * or downloaded. Browsers only let a page make sound after a tap on it, so the desk turns the sound on
 * with a button (unlock) and every later beep reuses that context.
 */
type Ctx = {
  state: string
  currentTime: number
  destination: unknown
  resume(): Promise<void>
  createOscillator(): {
    type: string
    frequency: { setValueAtTime(v: number, t: number): void }
    connect(n: unknown): void
    start(t: number): void
    stop(t: number): void
  }
  createGain(): { gain: { setValueAtTime(v: number, t: number): void; exponentialRampToValueAtTime(v: number, t: number): void }; connect(n: unknown): void }
}

let ctx: Ctx | null = null

function audioContext(): Ctx | null {
  if (ctx) return ctx
  if (typeof window === 'undefined') return null
  const w = window as unknown as { AudioContext?: new () => Ctx; webkitAudioContext?: new () => Ctx }
  const Make = w.AudioContext ?? w.webkitAudioContext
  if (!Make) return null
  try {
    ctx = new Make()
  } catch {
    ctx = null
  }
  return ctx
}

/** Call from a tap: creates or resumes the audio context. False where the browser has no WebAudio. */
export async function unlockSound(): Promise<boolean> {
  const c = audioContext()
  if (!c) return false
  try {
    if (c.state === 'suspended') await c.resume()
  } catch {
    return false
  }
  return true
}

/** Two short tones (880 Hz, then 1320 Hz); silent and harmless when sound was never unlocked. */
export function beep(): boolean {
  const c = ctx
  if (!c || c.state !== 'running') return false
  const t0 = c.currentTime
  ;[880, 1320].forEach((hz, i) => {
    const start = t0 + i * 0.22
    const osc = c.createOscillator()
    const gain = c.createGain()
    osc.type = 'sine'
    osc.frequency.setValueAtTime(hz, start)
    gain.gain.setValueAtTime(0.0001, start)
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18)
    osc.connect(gain)
    gain.connect(c.destination)
    osc.start(start)
    osc.stop(start + 0.2)
  })
  return true
}
