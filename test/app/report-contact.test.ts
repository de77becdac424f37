/** 联系电话 on the report form: 我的's mask sent as contactFromProfile, a typed number checked, the outbox keeping the choice. */
import { submitInput, type OutboxDraft } from '../../src/outbox/queue'
import { CONTACT_PHONE_ERROR, contactError, contactFromDraft, contactInput, editContact, usesProfile } from '../../src/utils/report/contact'

const MASK = '139****0017'

describe('contact phone on the report form', () => {
  it('sends 我的 phone by reference while the box shows its mask untouched', () => {
    expect(usesProfile(MASK, MASK)).toBe(true)
    expect(contactError(MASK, MASK)).toBe('')
    expect(contactInput(MASK, MASK)).toEqual({ contactFromProfile: true })
    // Without a saved phone the same text is just a bad number.
    expect(usesProfile(MASK, null)).toBe(false)
    expect(contactError(MASK, null)).toBe(CONTACT_PHONE_ERROR)
  })

  it('empties the box on the first edit of the mask, then keeps what is typed', () => {
    expect(editContact(MASK, '139****001', MASK)).toBe('')
    expect(editContact(MASK, `${MASK}5`, MASK)).toBe('')
    expect(editContact(MASK, '', MASK)).toBe('')
    expect(editContact('', '1', MASK)).toBe('1')
    expect(editContact('1390', '13900', MASK)).toBe('13900')
    // Pasting a whole number over the mask keeps it.
    expect(editContact(MASK, '13800138000', MASK)).toBe('13800138000')
  })

  it('checks a typed number (mainland mobile or landline) and sends it normalised; an empty box sends nothing', () => {
    expect(contactError('', MASK)).toBe('')
    expect(contactInput('  ', MASK)).toEqual({})
    for (const bad of ['12345', '1380013800', '23800138000', 'abc']) expect(contactError(bad, MASK)).toBe(CONTACT_PHONE_ERROR)
    expect(contactError('138 0013 8000', MASK)).toBe('')
    expect(contactInput('138 0013 8000', MASK)).toEqual({ contactPhone: '13800138000' })
    expect(contactInput('02087700000', null)).toEqual({ contactPhone: '020-87700000' })
  })

  it('reopens a queued draft with its choice, and the outbox sends it', () => {
    expect(contactFromDraft({ contactFromProfile: true }, MASK)).toBe(MASK)
    expect(contactFromDraft({ contactFromProfile: true }, null)).toBe('')
    expect(contactFromDraft({ contactPhone: '020-87700000' }, MASK)).toBe('020-87700000')
    expect(contactFromDraft({}, MASK)).toBe('')

    const base: OutboxDraft = { idempotencyKey: 'k'.repeat(26), category: 'HJ01', description: '楼下垃圾堆了三天', photos: [], location: { lng: 113.3, lat: 23.2, address: '云景路 12 号' }, anonymous: false }
    expect(submitInput(base)).not.toHaveProperty('contactPhone')
    expect(submitInput(base)).not.toHaveProperty('contactFromProfile')
    expect(submitInput({ ...base, contactFromProfile: true })).toMatchObject({ contactFromProfile: true })
    expect(submitInput({ ...base, contactPhone: '020-87700000' })).toMatchObject({ contactPhone: '020-87700000' })
  })
})
