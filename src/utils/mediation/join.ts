/** Joining a mediation by invitation: the checks the page runs before it sends. */
import { MEDIATION_NOTE_MAX, PERSON_NAME_MAX } from '../../contracts/limits'

export interface JoinDraftErrors {
  name?: string
  consent?: string
  reason?: string
}

function nameError(name: string): string | undefined {
  const n = name.trim()
  if (!n) return '请填写您的真实姓名'
  if (Array.from(n).length > PERSON_NAME_MAX) return `姓名不能超过 ${PERSON_NAME_MAX} 个字`
  return undefined
}

const clean = (e: JoinDraftErrors): JoinDraftErrors => Object.fromEntries(Object.entries(e).filter(([, v]) => v)) as JoinDraftErrors

/** Agreeing: a real name and the consent switch on. */
export function joinErrors(name: string, consent: boolean): JoinDraftErrors {
  return clean({ name: nameError(name), consent: consent ? undefined : '请阅读并同意参加调解' })
}

/** Refusing: a real name too (the case records who refused) and the reason the applicant will read. */
export function refuseErrors(name: string, reason: string): JoinDraftErrors {
  const r = reason.trim()
  const why = !r ? '请说明不同意调解的原因' : Array.from(r).length > MEDIATION_NOTE_MAX ? `原因不能超过 ${MEDIATION_NOTE_MAX} 个字` : undefined
  return clean({ name: nameError(name), reason: why })
}
