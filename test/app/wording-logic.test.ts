/**
 * The wording pass (issue 17): a refused move names the field it is about, once; a missing
 * sub-category asks for the sub-category; a server's own UNAVAILABLE words reach the person as
 * they are (the client tells a lost network from server trouble, api-client.test.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actErrorsFromFailure, noteRequired } from '../../src/components/StaffKit/logic'
import type { ActionView, CategoryView } from '../../src/contracts/api'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { REPORT } from '../../src/core/kinds/report'
import { transition } from '../../src/core/transition'
import { emptyDraft, validateDraft } from '../../src/utils/report-draft'
import { actor, GRID1, grant, makeTree, NOW, reportCase } from '../core/fixtures'

const tree = makeTree()

describe('a required note is asked for by its own name', () => {
  it('办结 without 处置情况 says 请填写处置情况, not 请填写原因', () => {
    const c = reportCase({ status: 'in_progress', assigneeId: 'u-gw' })
    const out = transition(REPORT, tree, c, { actor: actor('u-gw', grant('grid_worker', GRID1)), action: 'resolve', note: '  ', attachments: ['f-1'], now: NOW, eventId: 'e-1', expectedVersion: c.version })
    expect(out).toMatchObject({ ok: false, code: 'VALIDATION', message: '请填写处置情况', details: { note: '必填' } })
  })

  it('every required note of every kind names itself', () => {
    const generic = /请填写原因/
    const sources = ['report.ts', 'mediation.ts', 'checkin.ts', 'misuse.ts'].map((f) => readFileSync(join(__dirname, '../../src/core/kinds', f), 'utf8'))
    for (const s of sources) expect(s).not.toMatch(generic)
    // Each kind's refusals for a missing note, as the server answers them.
    const mediation = transition(MEDIATION, tree, { ...reportCase({ status: 'applied' }), kind: 'mediation', payload: {} } as never, { actor: actor('u-d', grant('dispatcher', GRID1)), action: 'reject', now: NOW, eventId: 'e-2' } as never)
    expect(mediation).toMatchObject({ ok: false, code: 'VALIDATION', message: '请填写不予受理原因' })
  })

  it('the staff sheet checks it before sending and puts one complaint under its field only', () => {
    const resolve: ActionView = { action: 'resolve', label: '办结', needs: ['note', 'attachments'], form: [{ name: 'note', label: '处置情况', required: true }] }
    expect(noteRequired(resolve)).toBe(true)
    expect(noteRequired({ action: 'assign', label: '分派', needs: ['assignee', 'note'], form: [{ name: 'assignee', label: '分派给', required: true }, { name: 'note', label: '分派说明', required: false }] })).toBe(false)
    expect(actErrorsFromFailure({ ok: false, code: 'VALIDATION', message: '请填写处置情况', details: { note: '必填' } })).toEqual({ note: '请填写处置情况' })
    // Several complaints: each field's own words.
    expect(actErrorsFromFailure({ ok: false, code: 'VALIDATION', message: '请检查', details: { note: '必填', attachments: '至少一张' } })).toEqual({ note: '必填', attachments: '至少一张' })
    // Nothing about a field: nothing under any field (the foot shows the message).
    expect(actErrorsFromFailure({ ok: false, code: 'CONFLICT', message: '事项已被他人更新，请刷新' })).toEqual({})
  })

  it('the sheets never show a field complaint a second time at their foot', () => {
    for (const f of ['src/components/StaffActSheet/useActForm.ts', 'src/components/MediationActSheet/useActSheet.ts']) {
      const s = readFileSync(join(__dirname, '../..', f), 'utf8')
      expect(s).toContain("setFormError(Object.keys(fields).length ? '' : failure.message)")
      expect(s).not.toMatch(/setFormError\(Object\.values\(found\)/)
    }
  })
})

describe('the report form asks for the sub-category once a group is open', () => {
  const CATS: CategoryView[] = [
    { code: 'HJ', name: '环境卫生', parentCode: null } as CategoryView,
    { code: 'HJ01', name: '垃圾堆积', parentCode: 'HJ' } as CategoryView,
    { code: 'QT', name: '其他', parentCode: null } as CategoryView,
  ]
  it('says 请选择具体类别 for a group, 请选择问题类别 for nothing, and takes a leaf', () => {
    expect(validateDraft({ ...emptyDraft(), category: '' }, CATS).category).toBe('请选择问题类别')
    expect(validateDraft({ ...emptyDraft(), category: 'HJ' }, CATS).category).toBe('请选择具体类别')
    expect(validateDraft({ ...emptyDraft(), category: 'HJ01' }, CATS).category).toBeUndefined()
    expect(validateDraft({ ...emptyDraft(), category: 'QT' }, CATS).category).toBeUndefined()
  })
})

describe('pages show the failure in its own words', () => {
  it('no page turns a server UNAVAILABLE into 网络不可用', () => {
    const { execSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process')
    const hits = execSync(`grep -rlE "code === 'UNAVAILABLE'( && [a-z]+\\.retryable)? \\? '网络不可用" src || true`, { cwd: join(__dirname, '../..'), encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    // The staff sign-in keeps its own words for the CloudBase auth SDK's failures; the console queue is left to issue 17 part C.
    expect(hits.filter((f) => !/admin\/signin|console\/queue/.test(f))).toEqual([])
  })
})

describe('statuses that wait on someone say on whom', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WAITING_ON, waitingOn } = require('../../src/utils/waitingOn') as typeof import('../../src/utils/waitingOn')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { KINDS } = require('../../src/core/kinds') as typeof import('../../src/core/kinds')
  /** Statuses not final in the table yet in nobody's court: a tenant living there (在住), a registration ended and waiting only for its purge. */
  const WAITS_ON_NOBODY = new Set(['checkin.active', 'checkin.refused', 'checkin.checked_out'])

  it('has a line for every open status of every kind, naming who acts next', () => {
    for (const [kind, def] of Object.entries(KINDS)) {
      for (const status of Object.keys(def.statusLabels)) {
        const open = !def.terminalStatuses.includes(status) && !WAITS_ON_NOBODY.has(`${kind}.${status}`)
        const hint = waitingOn(kind as keyof typeof WAITING_ON, status)
        expect({ kind, status, hinted: hint !== '' }).toEqual({ kind, status, hinted: open })
        // The tag keeps its label; the line says something the label does not.
        if (hint) expect(hint).not.toBe(def.statusLabels[status])
      }
    }
  })

  it('says it in the reader’s terms', () => {
    expect(waitingOn('checkin', 'pending')).toBe('等待楼栋长确认')
    expect(waitingOn('checkin', 'pending', 'staff')).toBe('等待您核对后确认')
    expect(waitingOn('mediation', 'awaiting_consent')).toBe('等待对方同意调解')
    expect(waitingOn('mediation', 'awaiting_consent', 'respondent')).toBe('等待您选择是否同意调解')
    expect(waitingOn('report', 'resolved')).toBe('等待您确认办结并评价')
    expect(waitingOn('report', 'closed')).toBe('')
    expect(waitingOn('report', 'constructor')).toBe('')
  })
})

describe('the 人民调解协议书 has one wording', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { renderAgreement } = require('../../src/core/kinds/mediationAgreement') as typeof import('../../src/core/kinds/mediationAgreement')
  const { agreementPreview, agreementDocumentOf } = require('../../src/utils/mediation/agreement') as typeof import('../../src/utils/mediation/agreement')
  const { agreementText } = require('../../src/core/kinds/agreementTerms') as typeof import('../../src/core/kinds/agreementTerms')
  /* eslint-enable @typescript-eslint/no-require-imports */
  const TERMS = ['黄伟明于 2026 年 3 月 31 日前支付维修费 3000 元', '双方不再追究']
  const payload = {
    parties: [
      { side: 'applicant' as const, name: '陈小梅', userId: 'u1', consent: 'consented' as const },
      { side: 'respondent' as const, name: '黄伟明', userId: 'u2', consent: 'consented' as const },
    ],
    disputeType: 'neighbour' as const,
    facts: '楼上漏水，天花板受损。',
  }
  const view = {
    parties: [
      { side: 'applicant', sideLabel: '申请人', name: '陈小梅' },
      { side: 'respondent', sideLabel: '被申请人', name: '黄伟明' },
    ],
    disputeTypeLabel: '邻里纠纷',
    facts: '楼上漏水，天花板受损。',
    committee: { code: 'c', name: '京溪街人民调解委员会' },
  } as never

  it('stores, previews, shows and prints the same words', () => {
    const stored = renderAgreement(payload, '京溪街人民调解委员会', TERMS, '2026年3月2日')
    expect(agreementText(agreementDocumentOf(view, TERMS, { dateText: '2026年3月2日' }))).toBe(stored)
    // The mediator's preview is the stored text before it has a date.
    expect(agreementPreview(view, [...TERMS, '  '])).toBe(stored.replace(/\n2026年3月2日$/, ''))
    expect(stored).toContain('经京溪街人民调解委员会主持调解，各方当事人在平等自愿的基础上达成如下协议：\n一、黄伟明于 2026 年 3 月 31 日前支付维修费 3000 元\n二、双方不再追究')
    expect(stored).toContain('履行方式、时限：\n黄伟明于 2026 年 3 月 31 日前支付维修费 3000 元')
  })

  it('the print page and the card write none of it themselves', () => {
    for (const f of ['src/pages/mediation/agreement/index.tsx', 'src/components/MediationCase/AgreementCard.tsx', 'src/components/MediationActSheet/TermsField.tsx']) {
      const s = readFileSync(join(__dirname, '../..', f), 'utf8')
      expect({ f, own: /自愿达成|具有法律约束力|主持调解|司法确认。?当事人|{i \+ 1}\. /.test(s) }).toEqual({ f, own: false })
    }
  })
})
