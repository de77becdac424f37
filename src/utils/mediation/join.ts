/** Joining a mediation by invitation: the checks the page runs before it sends. */
import { PERSON_NAME_MAX } from '../../contracts/limits'

export interface JoinDraftErrors {
  name?: string
  consent?: string
}

export function joinErrors(name: string, consent: boolean): JoinDraftErrors {
  const e: JoinDraftErrors = {}
  const n = name.trim()
  if (!n) e.name = '请填写您的真实姓名'
  else if (Array.from(n).length > PERSON_NAME_MAX) e.name = `姓名不能超过 ${PERSON_NAME_MAX} 个字`
  if (!consent) e.consent = '请阅读并同意参加调解'
  return e
}
