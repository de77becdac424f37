/**
 * The reason for an audited read of personal data (issue 17): a purpose chosen from the list
 * (办理案件, 治安检查, 核查线索, 其他) plus a sentence of at least 5 characters that is not one character
 * repeated, refused in Chinese under its field by the schema, and kept in the audit row as
 * 「治安检查：季度出租屋核查」. Over the real local server; a brand-new identity is refused after the
 * schema, so the rules hold for everyone.
 */
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let police: Client

const world = serverWithUsers(['demo-police'], (c) => ([police] = c))
const NO_SUCH = '01M00000000000000000000000'

describe('rental.reveal and rental.exportCsv: the reason', () => {
  it.each([
    ['no purpose', { reason: '核查盗窃案线索' }, 'purpose', '请选择查看事由'],
    ['a purpose not in the list', { purpose: 'curious', reason: '核查盗窃案线索' }, 'purpose', '请选择查看事由'],
    ['two characters', { purpose: 'case', reason: '查查' }, 'reason', '请用一句话说明事由（至少 5 个字）'],
    ['one character repeated', { purpose: 'case', reason: '查查查查查查' }, 'reason', '事由不能只是重复的字，请写明为什么查看'],
    ['two characters repeated', { purpose: 'lead', reason: '核查核查核查' }, 'reason', '事由不能只是重复的字，请写明为什么查看'],
    ['punctuation padding', { purpose: 'other', reason: '查一下。。。。。' }, 'reason', '请用一句话说明事由（至少 5 个字）'],
  ])('refuses %s in Chinese under its field', async (_, input, field, message) => {
    for (const [action, data] of [
      ['reveal', { id: NO_SUCH, ...input }],
      ['exportCsv', input],
    ] as const) {
      const r = await police.call('rental', action, data)
      expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { [field]: message } })
      expect(r.message).not.toMatch(/[A-Za-z]{2,}/)
    }
  })

  it('accepts a chosen purpose and a sentence, and the audit row keeps both', async () => {
    expect(await police.call('rental', 'reveal', { id: NO_SUCH, purpose: 'case', reason: '核查盗窃案线索' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const csv = await police.call('rental', 'exportCsv', { purpose: 'inspection', reason: '季度出租屋核查' })
    expect(csv).toMatchObject({ ok: true })
    const audit = await police.call('rental', 'audit', { limit: 5 })
    expect(audit.entries[0]).toMatchObject({ action: 'export', reason: '治安检查：季度出租屋核查' })
  })

  it('a search by full document number asks the same', async () => {
    const doc = '11010519491231002X'
    expect(await police.call('rental', 'area', { q: doc, reason: '核查来访人员身份' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { purpose: '请选择查询事由' } })
    expect(await police.call('rental', 'area', { q: doc, purpose: 'lead', reason: '查查查查查' })).toMatchObject({ ok: false, code: 'VALIDATION', details: { reason: '事由不能只是重复的字，请写明为什么查看' } })
    expect(await police.call('rental', 'area', { q: doc, purpose: 'lead', reason: '核查来访人员身份' })).toMatchObject({ ok: true })
    expect((await police.call('rental', 'audit', { limit: 5 })).entries[0]).toMatchObject({ action: 'search', reason: '核查线索：核查来访人员身份' })
  })

  it('a brand-new identity passes the same schema and is then refused as not police', async () => {
    const someone = await asOpenid(world.srv.url, `dev-reveal-${Date.now()}`)
    expect(await someone.call('rental', 'reveal', { id: NO_SUCH, purpose: 'case', reason: '查查' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await someone.call('rental', 'reveal', { id: NO_SUCH, purpose: 'case', reason: '核查盗窃案线索' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
