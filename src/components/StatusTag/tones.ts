/**
 * The colours of a status tag by tone: a soft tint with dark text of the same hue, never white on a bright
 * colour (2.3:1 on yellow or green before). Values are the design tokens of src/app.css;
 * test/app/design-tokens.test.ts resolves them and holds every pair to 4.5:1.
 */
export type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const TONE_COLOURS: Record<Tone, { bg: string; fg: string }> = {
  default: { bg: 'var(--jf-c-fill-2)', fg: 'var(--jf-c-text-2)' },
  primary: { bg: 'var(--jf-c-primary-soft)', fg: 'var(--jf-c-danger-text)' },
  success: { bg: 'var(--jf-c-success-soft)', fg: 'var(--jf-c-success-text)' },
  warning: { bg: 'var(--jf-c-warning-soft)', fg: 'var(--jf-c-warning-text)' },
  danger: { bg: 'var(--jf-c-danger-soft)', fg: 'var(--jf-c-danger-text)' },
  info: { bg: 'var(--jf-c-info-soft)', fg: 'var(--jf-c-info-text)' },
}

/** Finished, quiet states: an outline in the line colour, grey text on the card's white. */
export const PLAIN_COLOURS = { bg: 'var(--jf-c-surface)', border: 'var(--jf-c-line)', fg: 'var(--jf-c-text-2)' }
