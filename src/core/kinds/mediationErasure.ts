/**
 * A party who deleted their account (注销账号): the case, its timeline and its agreement stay for the
 * record, but the person's own details on it go — their name reads 已注销用户 and their phone is
 * removed. Pure, so the same rule serves every store.
 */
import type { Case, TimelineEvent } from '../case'
import { erasedMark, holdsPerson } from '../proxyMark'
import type { MediationPayload, Party } from './mediationTerms'
import { renamedInVideo } from './mediationVideoTerms'

/** What a deleted person is called wherever their name was shown. */
export const ERASED_NAME = '已注销用户'

/** The timeline action of an erasure (its label is in MEDIATION.eventLabels). */
export const PARTY_ERASED = 'party_erased'

const hasDetails = (x: Party): boolean =>
  x.name !== ERASED_NAME || x.nameSealed !== undefined || x.phoneSealed !== undefined || x.phoneHash !== undefined || x.phone !== undefined

function erased(x: Party): Party {
  const { nameSealed: _name, phoneSealed: _sealed, phoneHash: _hash, phone: _clear, ...rest } = x
  return { ...rest, name: ERASED_NAME }
}

/**
 * The case with `userId`'s party details erased and the timeline row saying so, or null when the
 * person holds no party on it or it was erased already (a repeat changes nothing).
 */
export function eraseParty(c: Case, userId: string, now: Date, eventId: string): { case: Case; event: TimelineEvent } | null {
  const p = c.payload as unknown as MediationPayload
  const mine = p.parties.filter((x) => x.userId === userId)
  // 代办: the applicant who claimed the case also stands in its mark (proxyMark.ts).
  const mark = c.creatorId === userId && holdsPerson(p.proxy) ? { proxy: erasedMark(p.proxy!) } : {}
  if (mine.length === 0 || (!mine.some(hasDetails) && !('proxy' in mark))) return null
  const at = now.toISOString()
  const parties = p.parties.map((x) => (x.userId === userId ? erased(x) : x))
  // 视频调解 keeps who came by name (masked): theirs goes too.
  const video = Array.isArray(p.sessions) ? { sessions: renamedInVideo(p.sessions, userId, ERASED_NAME) } : {}
  const next: Case = { ...c, payload: { ...c.payload, parties, ...video, ...mark }, updatedAt: at, version: c.version + 1 }
  return {
    case: next,
    event: {
      id: eventId,
      caseId: c.id,
      actorId: userId,
      actorRole: mine[0]!.side,
      action: PARTY_ERASED,
      fromStatus: c.status,
      toStatus: c.status,
      note: '当事人已注销账号：其姓名和电话已从案件中删除，案件记录和协议保留',
      attachments: [],
      at,
      visibility: 'internal',
    },
  }
}
