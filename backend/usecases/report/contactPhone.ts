/**
 * A report's contact phone (联系电话, 选填): typed on the form or taken from the phone saved in 我的.
 * Sealed at rest with the PII vault (the case id as associated data), its mask kept in clear; only
 * the staff view of the report opens it, the reporter's export shows it, 注销账号 removes it. The
 * public view never carries it.
 */
import type { ApiIn } from '../../../src/contracts/api'
import type { Case } from '../../../src/core/case'
import type { ReportPayload } from '../../../src/core/kinds/reportTerms'
import { erasedMark, holdsPerson } from '../../../src/core/proxyMark'
import { fail, type Failure } from '../../../src/core/outcome'
import type { Actor } from '../../../src/core/roles'
import type { Vault } from '../../crypto/vault'
import type { Deps } from '../../deps'
import { ownPhone } from '../account/ownPhone'
import { maskPhone } from '../shared/maskedPhone'

type Contact = NonNullable<ReportPayload['contact']>

const unavailable = (): Failure => ({ ...fail('UNAVAILABLE', '联系电话暂时无法保存，请稍后重试'), retryable: true }) as Failure

/**
 * The phone the report is to carry, in clear (null: none), or a refusal. `contactFromProfile` reads
 * 我的's phone here, since the app only ever holds its mask.
 */
export async function contactPhoneOf(d: Deps, actor: Actor, input: Pick<ApiIn<'reports.submit'>, 'contactPhone' | 'contactFromProfile'>): Promise<string | null | Failure> {
  const typed = input.contactPhone?.trim() || null
  if (typed && input.contactFromProfile) return fail('VALIDATION', '联系电话只能填写一个', { contactPhone: '联系电话只能填写一个' })
  if (typed) return d.vault ? typed : unavailable()
  if (!input.contactFromProfile) return null
  if (!d.vault) return unavailable()
  const me = await d.store.getUser(actor.userId)
  const saved = me ? ownPhone(d, me) : null
  return saved ?? fail('VALIDATION', '「我的」中还没有手机号，请填写联系电话', { contactPhone: '「我的」中还没有手机号，请填写联系电话' })
}

export function sealContact(v: Vault, caseId: string, phone: string): Contact {
  return { phone: maskPhone(phone), sealed: v.seal(phone, caseId) }
}

/** The contact phone in full, or its mask where it cannot be opened here; null when none was left. */
export function openContact(v: Vault | undefined, c: Case): string | null {
  const contact = (c.payload as ReportPayload).contact
  if (!contact) return null
  return v ? v.open(contact.sealed, c.id) : contact.phone
}

/** The report without its contact phone and its claimed 代办 person (注销账号), or null when it carries neither. */
export function withoutContact(c: Case): Case | null {
  const { contact, proxy, ...rest } = c.payload as ReportPayload
  // 代办: the resident who claimed the report also stands in its mark (proxyMark.ts).
  const person = holdsPerson(proxy)
  if (!contact && !person) return null
  return { ...c, payload: { ...rest, ...(proxy ? { proxy: person ? erasedMark(proxy) : proxy } : {}) }, version: c.version + 1 }
}
