/**
 * Numbers people can say, over the real local server: a brand-new identity's report gets the street's
 * next number of the year (京溪-2026-00042) and sees it in 我的事项 and the case; the agreement gets the
 * committee's (（2026）白云婚调字第 1 号), kept by a redraft; CSVs carry numbers and Beijing times, never
 * an id or a UTC instant; the audit list reads as sentences naming cases by number.
 */
import { shanghaiYear } from '../../src/core/time'
import { reportInput } from '../support/fixtures'
import { applyInput, joinInput, medAct } from '../support/mediation'
import { asOpenid, serverWithUsers, type Client } from '../support/server'

let applicant: Client, respondent: Client, mediator: Client, centre: Client, admin: Client
const world = serverWithUsers(['demo-resident', 'demo-resident-2', 'demo-mediator', 'demo-dispatcher', 'demo-admin'], (c) => ([applicant, respondent, mediator, centre, admin] = c))

const YEAR = shanghaiYear(new Date())
const CASE_NUMBER = new RegExp(`^京溪-${YEAR}-(\\d{5})$`)
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/
const ISO_UTC = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const seq = (n: string) => Number(CASE_NUMBER.exec(n)?.[1])

describe('case numbers', () => {
  it('a brand-new identity\'s report gets the street\'s next number, in mine and get; two at once never share one', async () => {
    const first = await asOpenid(world.srv.url, `dev-numbers-${Date.now()}-a`)
    const input = reportInput()
    const made = await first.call('reports', 'submit', input)
    expect(made).toMatchObject({ ok: true, case: { number: expect.stringMatching(CASE_NUMBER) } })
    const number: string = made.case.number
    expect((await first.call('reports', 'mine', {})).cases).toEqual([expect.objectContaining({ id: made.case.id, number })])
    expect(await first.call('reports', 'get', { id: made.case.id })).toMatchObject({ ok: true, case: { number } })
    // 查阅与导出 names it by its number too.
    expect(JSON.stringify(await first.call('account', 'export', {}))).toContain(`{"label":"编号","value":"${number}"}`)
    // A retry of the same create is the same case and number.
    expect(await first.call('reports', 'submit', input)).toMatchObject({ ok: true, replayed: true, case: { id: made.case.id, number } })

    const others = await Promise.all([1, 2, 3, 4].map((i) => asOpenid(world.srv.url, `dev-numbers-${Date.now()}-${i}`)))
    const numbers = (await Promise.all(others.map((c) => c.call('reports', 'submit', reportInput())))).map((r) => r.case.number as string)
    expect(new Set([number, ...numbers]).size).toBe(5)
    for (const n of numbers) expect(seq(n)).toBeGreaterThan(seq(number))
    // The staff queue shows it too.
    const queue = await centre.call('cases', 'queue', {})
    expect(queue.cases.find((c: { id: string }) => c.id === made.case.id)).toMatchObject({ number })
    // The desk's search finds it by the number said on the phone, and nothing for a number nobody has.
    expect((await centre.call('cases', 'queue', { number })).cases.map((c: { id: string }) => c.id)).toEqual([made.case.id])
    expect((await centre.call('cases', 'queue', { number: `京溪-${YEAR}-99999` })).cases).toEqual([])
  })

  it('CSV exports carry numbers and Beijing times, never ids or UTC instants', async () => {
    const csv = await centre.call('cases', 'exportCsv', {})
    expect(csv).toMatchObject({ ok: true })
    const lines = (csv.csv as string).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]!.split(',')[0]).toBe('编号')
    for (const line of lines.slice(1)) {
      expect(line.split(',')[0]).toMatch(CASE_NUMBER)
      expect(line).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    }
    expect(csv.csv).not.toMatch(ULID)
    expect(csv.csv).not.toMatch(ISO_UTC)

    const ledger = await centre.call('mediation', 'ledgerCsv', {})
    expect(ledger).toMatchObject({ ok: true })
    expect(ledger.csv).not.toMatch(ULID)
    expect(ledger.csv).not.toMatch(ISO_UTC)
  })
})

describe('agreement numbers', () => {
  async function mediating(): Promise<string> {
    const r = await applicant.call('mediation', 'apply', applyInput())
    expect(r).toMatchObject({ ok: true, case: { number: expect.stringMatching(CASE_NUMBER) } })
    expect(await medAct(centre, r.case.id, 'accept')).toMatchObject({ ok: true })
    expect(await respondent.call('mediation', 'join', joinInput(r.case.invites[0].code))).toMatchObject({ ok: true })
    expect(await medAct(mediator, r.case.id, 'invite')).toMatchObject({ ok: true, case: { status: 'mediating' } })
    return r.case.id
  }

  it('the first draft takes the committee\'s next number of the year, a redraft keeps it, a refused draft takes none', async () => {
    const id = await mediating()
    // Not the assigned mediator's move: refused before any number is taken.
    expect(await medAct(centre, id, 'draft_agreement', { terms: ['双方和解'] })).toMatchObject({ ok: false })
    const first = await medAct(mediator, id, 'draft_agreement', { terms: ['黄伟明每月 5 日前支付子女抚养费 1800 元'] })
    const AGREEMENT = new RegExp(`^（${YEAR}）白云婚调字第 (\\d+) 号$`)
    expect(first).toMatchObject({ ok: true, case: { agreement: { version: 1, number: expect.stringMatching(AGREEMENT) } } })
    const number: string = first.case.agreement.number
    // The server's first agreement of the committee this year: the refused draft before it took nothing.
    expect(number).toBe(`（${YEAR}）白云婚调字第 1 号`)
    expect(first.case.agreement.text).toContain(number)
    const again = await medAct(mediator, id, 'draft_agreement', { terms: ['黄伟明每月 5 日前支付子女抚养费 2000 元'] })
    expect(again).toMatchObject({ ok: true, case: { agreement: { version: 2, number } } })

    const second = await medAct(mediator, await mediating(), 'draft_agreement', { terms: ['双方不再就此事争执'] })
    const n = (s: string) => Number(AGREEMENT.exec(s)?.[1])
    expect(n(second.case.agreement.number)).toBe(n(number) + 1)
  })
})

describe('audit rows read as sentences', () => {
  it('exports and an administrator\'s read: who did what, a case by its number, why — no function name, no id', async () => {
    const r = await applicant.call('reports', 'submit', reportInput())
    expect(await admin.call('cases', 'get', { id: r.case.id })).toMatchObject({ ok: true })
    expect(await centre.call('cases', 'exportCsv', { overdue: true })).toMatchObject({ ok: true })
    const entries = (await admin.call('rental', 'audit', { limit: 100 })).entries as Array<{ action: string; caseId: string | null; sentence: string; what: string }>
    const read = entries.find((e) => e.action === 'read' && e.caseId === r.case.id)
    expect(read?.sentence).toBe(`郑华 查看网格事件 ${r.case.number}，理由：管理员查阅`)
    const exported = entries.find((e) => e.action === 'export' && e.sentence.includes('网格事件'))
    expect(exported?.sentence).toMatch(/^\S+ 导出网格事件 CSV，\d+ 条，筛选：已超时，理由：导出网格事件$/)
    for (const e of entries) {
      expect(e.sentence).not.toMatch(ULID)
      expect(e.sentence).not.toMatch(/[a-z]+\.[a-zA-Z]+/)
    }
  })
})
