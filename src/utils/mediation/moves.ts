/** How a mediation move is offered: one tap or a form, asked twice or not, in which colour. */
import type { ActionView } from '../../contracts/api'
import type { MedMove } from './actForm'

/** A move opens its sheet when its declaration has something to fill in; the others take one tap. */
export function needsMedForm(move: MedMove): boolean {
  return (move.form?.length ?? 0) > 0
}

/** One-tap moves that cannot be undone are asked twice. */
const CONFIRM_TEXT: Partial<Record<string, string>> = {
  consent: '同意参加调解？同意后调解员将安排调解。',
  prepare_judicial: '拟写司法确认申请书？各方当事人须在协议生效之日起 30 日内在线确认共同申请。',
  confirm_judicial: '确认与对方当事人共同向人民法院申请司法确认？确认后不能撤回。',
  invite: '向对方当事人发出调解邀请？',
}

export function confirmText(action: string): string | null {
  return CONFIRM_TEXT[action] ?? null
}

const DANGER = new Set(['reject', 'decline', 'fail'])
const PRIMARY = new Set(['accept', 'consent', 'invite', 'schedule', 'draft_agreement', 'confirm_agreement', 'rate', 'confirm_judicial'])

/** Moves that end or refuse something are red, the usual next step is the primary colour. */
export function medActionTone(action: string): 'primary' | 'danger' | 'default' {
  if (DANGER.has(action)) return 'danger'
  if (PRIMARY.has(action)) return 'primary'
  return 'default'
}

/** The sheet's submit button, where `确认<label>` does not say what happens. */
const SUBMIT_TEXT: Partial<Record<string, string>> = { draft_agreement: '发送协议给当事人确认' }

export function submitText(a: ActionView): string {
  return SUBMIT_TEXT[a.action] ?? `确认${a.label}`
}

/** The action the server lists, if it does: pages show exactly the server's moves. */
export function findAction(actions: ActionView[], action: string): ActionView | undefined {
  return actions.find((a) => a.action === action)
}
