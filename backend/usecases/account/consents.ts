/**
 * The privacy notice (用户隐私保护指引, district data with a version) and the consents people gave to
 * it. Profile writes wait for consent to the version in force: a new version asks again.
 */
import type { ConsentView, NoticeView, PrivacyView } from '../../../src/contracts/account'
import { fail, type Failure } from '../../../src/core/outcome'
import { formatFull } from '../../../src/core/time'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { profileOf } from './self'

export function currentNotice(d: Deps): Deps['config']['privacyNotice'] {
  return d.config.privacyNotice
}

export function hasAgreed(d: Deps, u: User): boolean {
  const version = currentNotice(d).version
  return profileOf(u).consents.some((c) => c.key === 'privacy' && c.version === version)
}

/** Null once the person agreed to the notice in force; the refusal the app answers with the consent sheet otherwise. */
export function consentGate(d: Deps, u: User): Failure | null {
  if (hasAgreed(d, u)) return null
  return fail('CONSENT_REQUIRED', `请先阅读并同意《${currentNotice(d).title}》`)
}

/** 2026-12-06 → 2026年12月6日 */
function dayLabel(day: string): string {
  const [y, m, dd] = day.split('-').map(Number)
  return `${y}年${m}月${dd}日`
}

export function noticeView(d: Deps): NoticeView {
  const n = currentNotice(d)
  return { version: n.version, title: n.title, paragraphs: [...n.paragraphs], effectiveLabel: dayLabel(n.effective) }
}

export function privacyView(d: Deps, u: User): PrivacyView {
  const title = currentNotice(d).title
  const consents: ConsentView[] = [...profileOf(u).consents]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((c) => ({ title, version: c.version, atLabel: formatFull(c.at) }))
  return { notice: noticeView(d), consents }
}
