/** How a mediation move is offered: one tap or a form, asked twice or not, in which colour. */
import type { ActionView } from '../../contracts/api'

/** Moves that can be made with one tap (no form); everything else opens its form. */
const ONE_TAP = new Set(['invite', 'consent', 'mark_judicial'])

export function needsMedForm(action: string): boolean {
  return !ONE_TAP.has(action)
}

/** Moves that cannot be undone are asked twice. */
export function confirmText(action: string): string | null {
  if (action === 'consent') return '同意参加调解？同意后调解员将安排调解。'
  if (action === 'mark_judicial') return '确认已为本协议申请司法确认？'
  if (action === 'invite') return '向对方当事人发出调解邀请？'
  return null
}

export function medActionTone(action: string): 'primary' | 'danger' | 'default' {
  if (['reject', 'decline', 'fail'].includes(action)) return 'danger'
  if (['accept', 'consent', 'invite', 'schedule', 'draft_agreement', 'confirm_agreement', 'rate'].includes(action)) return 'primary'
  return 'default'
}

/** The action the server lists, if it does: pages show exactly the server's moves. */
export function findAction(actions: ActionView[], action: string): ActionView | undefined {
  return actions.find((a) => a.action === action)
}
