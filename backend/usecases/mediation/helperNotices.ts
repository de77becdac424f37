import type { Case } from '../../../src/core/case'
import { helperIds, helpersOf } from '../../../src/core/kinds/mediationHelpers'
import type { CaseEventNote } from '../inbox/noticeRegistry'
import type { MediationReader } from './mediationReader'

/**
 * 协助调解 in notices: the invited helper hears that they were invited, when a session is set and
 * how the parties rated them; nothing else of the case's moves is theirs to be told. A helper finds
 * their cases through a follow, which stays after they are let go: such a follower hears nothing.
 */

interface Said {
  title: string
  body: string
}

type Words = (name: string, reader: MediationReader, c: Case, e: CaseEventNote['e']) => Said

export const HELPER_WORDS: Record<'invite_helper' | 'remove_helper' | 'rate_helper', Words> = {
  invite_helper: (n, r) =>
    r === 'helper'
      ? { title: '邀请您协助调解', body: `调解员邀请您协助${n}的调解，请在「我的—协助调解」中查看案件并参与沟通` }
      : { title: '已邀请协助调解人', body: `${n}的调解员邀请了协助调解人参与调解，可在案件详情中查看` },
  remove_helper: (n) => ({ title: '协助调解人有变动', body: `${n}的协助调解人有变动，请在案件详情中查看` }),
  rate_helper: (n, r) =>
    r === 'helper'
      ? { title: '当事人评价了您的协助', body: `${n}有当事人评价了您的协助调解，感谢您的参与` }
      : { title: '当事人评价了协助调解人', body: `${n}有当事人评价了协助调解人，可在案件详情中查看` },
}

/** The moves a helper on the case is told of. */
const TOLD_TO_HELPERS: readonly string[] = ['invite_helper', 'schedule', 'rate_helper', 'video_join']

/** Followers who are neither a party who joined nor a helper still on the case: helpers let go. */
function formerHelpers(c: Case, followers: readonly string[]): string[] {
  const respondents = (c.payload as { respondentIds?: string[] }).respondentIds ?? []
  const helpers = helperIds(c)
  return followers.filter((u) => u !== c.creatorId && !respondents.includes(u) && !helpers.includes(u))
}

/** Adds the case's helpers to a move's audience where it is theirs, takes them out elsewhere. */
export function helperAudience(c: Case, e: CaseEventNote['e'], out: Set<string>, followers: readonly string[]): void {
  const action = e.action
  for (const u of formerHelpers(c, followers)) out.delete(u)
  // An invitation is news to the one it invited, not to those already helping.
  const told = helpersOf(c)
    .filter((h) => TOLD_TO_HELPERS.includes(action) && (action !== 'invite_helper' || h.eventId === e.eventId))
    .map((h) => h.userId)
  for (const u of helperIds(c)) out.delete(u)
  for (const u of told) out.add(u)
  // A party hears who rated whom from the case, not from a notice.
  if (action === 'rate_helper') {
    out.delete(c.creatorId)
    for (const u of (c.payload as { respondentIds?: string[] }).respondentIds ?? []) out.delete(u)
  }
}

/** Who of the followers hears of a new thread message: the parties who joined and the helpers still on the case. */
export function threadFollowers(c: Case, followers: readonly string[]): string[] {
  const gone = formerHelpers(c, followers)
  return [...followers.filter((u) => !gone.includes(u)), ...helperIds(c).filter((u) => !followers.includes(u))]
}
