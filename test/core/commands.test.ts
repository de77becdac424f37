/**
 * Typed commands: a kind's moves are declared once (params schema, checks, patch, label, roles,
 * form) and compiled into the table `transition` applies; each kind supplies its own scope rule.
 */
import { z } from 'zod'
import { param, readParams } from '../../src/core/command'
import { KINDS } from '../../src/core/kinds'
import { CHECKIN } from '../../src/core/kinds/checkin'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { MISUSE } from '../../src/core/kinds/misuse'
import { REPORT } from '../../src/core/kinds/report'
import { fail } from '../../src/core/outcome'
import { grantCovers } from '../../src/core/scope'
import { actor, grant, makeTree, reportCase, STREET } from './fixtures'
import { COMMITTEE, mediationCase, mediatorGrant } from './mediationFixtures'

const tree = makeTree()
const CHINESE = /[\u4e00-\u9fff]/
const COMMAND_KINDS = [REPORT, MEDIATION, CHECKIN, MISUSE]

describe('reading params', () => {
  const spec = {
    rating: param(z.number().int().min(1).max(5), fail('VALIDATION', '请给出 1–5 星评价', { rating: '1–5' })),
    session: param(z.object({ at: z.string(), place: z.string() }), (path) =>
      path[0] === 'place' ? fail('VALIDATION', '请填写地点', { place: '必填' }) : fail('VALIDATION', '请选择时间', { at: '必填' }),
    ),
    comment: param(z.string().optional().catch(undefined), fail('VALIDATION', '评价内容无效')),
  }

  it('answers the typed value, leaving out what is absent', () => {
    expect(readParams(spec, { rating: 4, session: { at: 'x', place: 'y' }, extra: 1 })).toEqual({ ok: true, value: { rating: 4, session: { at: 'x', place: 'y' } } })
  })

  it('refuses with the first misfit field, in declared order, in Chinese', () => {
    expect(readParams(spec, { rating: 0, session: {} })).toMatchObject({ ok: false, code: 'VALIDATION', details: { rating: '1–5' } })
    expect(readParams(spec, undefined)).toMatchObject({ ok: false, details: { rating: '1–5' } })
  })

  it('names the sub-field of an object that does not fit', () => {
    expect(readParams(spec, { rating: 5, session: { at: 'x' } })).toMatchObject({ ok: false, message: '请填写地点', details: { place: '必填' } })
    expect(readParams(spec, { rating: 5 })).toMatchObject({ ok: false, message: '请选择时间' })
  })

  it('reads own keys only: inherited members are absent', () => {
    const raw = Object.create({ rating: 5 }) as Record<string, unknown>
    expect(readParams(spec, raw)).toMatchObject({ ok: false, details: { rating: '1–5' } })
  })
})

describe.each(COMMAND_KINDS.map((k) => [k.kind, k] as const))('the %s declaration', (_kind, def) => {
  it('is the kind registered for it', () => {
    expect(KINDS[def.kind]).toBe(def)
  })

  it('compiles every action into rows of the table, in declaration order, each labelled in Chinese', () => {
    const declared = Object.keys(def.actions)
    expect([...new Set(def.rules.map((r) => r.action))]).toEqual(declared)
    for (const a of declared) expect(def.actionLabels[a]).toMatch(CHINESE)
  })

  it('gives every form field a Chinese label, and every choice a Chinese label', () => {
    for (const [a, decl] of Object.entries(def.actions) as Array<[string, { form?: Array<{ label: string; choices?: ReadonlyArray<{ label: string }> }> }]>) {
      for (const f of decl.form ?? []) {
        expect({ a, label: f.label }).toEqual({ a, label: expect.stringMatching(CHINESE) })
        for (const ch of f.choices ?? []) expect(ch.label).toMatch(CHINESE)
      }
    }
  })

  it('declares no action under an Object.prototype name', () => {
    for (const name of ['constructor', 'toString', '__proto__']) expect(Object.prototype.hasOwnProperty.call(def.actions, name)).toBe(false)
  })
})

describe('each kind supplies its own scope rule', () => {
  it('a department grant reaches a report of its department, never a mediation case', () => {
    const dept = actor('u-dept', grant('department', STREET, 'chengguan'))
    expect(grantCovers(tree, dept.grants[0]!, dept, reportCase({}, { department: 'chengguan' }))).toBe(true)
    expect(grantCovers(tree, dept.grants[0]!, dept, mediationCase('mediating', { department: 'chengguan' } as never))).toBe(false)
  })

  it('a mediator grant reaches a case of its committee, never a report', () => {
    const mediator = actor('u-med', mediatorGrant(STREET, COMMITTEE))
    expect(grantCovers(tree, mediator.grants[0]!, mediator, mediationCase('mediating'))).toBe(true)
    expect(grantCovers(tree, mediator.grants[0]!, mediator, reportCase({}, { committee: COMMITTEE } as never))).toBe(false)
  })

  it('a building manager reaches the registrations assigned to them, never a report assigned to them', () => {
    const manager = actor('u-bm', grant('building_manager', STREET))
    const registration = { ...reportCase({ kind: 'checkin', status: 'pending', assigneeId: 'u-bm' }) }
    expect(grantCovers(tree, manager.grants[0]!, manager, registration)).toBe(true)
    expect(grantCovers(tree, manager.grants[0]!, manager, reportCase({ assigneeId: 'u-bm' }))).toBe(false)
  })
})
