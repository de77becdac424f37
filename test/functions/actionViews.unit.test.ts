/**
 * actionsFor reads the kinds' declarations: which moves the viewer is offered now, their labels,
 * the staff sheet's `needs` as before and the declared form the action sheets render from.
 */
import { actionsFor } from '../../backend/usecases/shared/actionViews'
import { MEDIATION } from '../../src/core/kinds/mediation'
import { REPORT } from '../../src/core/kinds/report'
import { actor, GRID1, grant, makeTree, NOW, reportCase, STREET } from '../core/fixtures'
import { MEDIATOR, mediationCase, OTHER_MEDIATOR_ID, RESP1, withConsent, withSecondRespondent } from '../core/mediationFixtures'

const tree = makeTree()
const dispatcher = actor('u-dispatcher', grant('dispatcher', STREET))
const gridWorker = actor('u-gw', grant('grid_worker', GRID1))

const byAction = (views: ReturnType<typeof actionsFor>) => Object.fromEntries(views.map((v) => [v.action, v]))

describe('report actions', () => {
  it('offers the dispatcher the submitted case moves with the sheet fields they always had, never a moderation move', () => {
    const views = actionsFor(REPORT, tree, dispatcher, reportCase(), NOW)
    // 转为调解 is listed for the page's own card (MediationCard), which shows it only on a mediable category.
    expect(views.map((v) => v.action)).toEqual(['accept', 'assign', 'reject', 'merge', 'escalate', 'note', 'to_mediation'])
    const a = byAction(views)
    expect(a.assign).toMatchObject({ label: '分派', needs: ['assignee'], form: [{ name: 'assignee', label: '分派给', required: true }] })
    expect(a.merge?.needs).toEqual(['target', 'note'])
    expect(a.merge?.form?.map((f) => [f.name, f.required])).toEqual([
      ['target', true],
      ['note', false],
    ])
    expect(a.accept).toMatchObject({ needs: [], form: [] })
    expect(a.reject?.form?.[0]).toMatchObject({ name: 'note', label: '不予受理原因', required: true })
  })

  it('calls the grid worker’s escalation 上报街道 and offers it only while the case is at the grid', () => {
    const a = byAction(actionsFor(REPORT, tree, gridWorker, reportCase({ status: 'in_progress', assigneeId: 'u-gw' }), NOW))
    expect(a.escalate).toMatchObject({ label: '上报街道', needs: ['note'] })
    expect(a.resolve).toMatchObject({ needs: ['note', 'attachments'] })
    const above = actionsFor(REPORT, tree, gridWorker, reportCase({ status: 'in_progress', unitCode: STREET, assigneeId: 'u-gw' }), NOW)
    expect(above.map((v) => v.action)).not.toContain('escalate')
  })
})

describe('mediation actions', () => {
  it('offers the assigned mediator the session moves with their forms; another mediator of the committee nothing', () => {
    const a = byAction(actionsFor(MEDIATION, tree, MEDIATOR, mediationCase('mediating'), NOW))
    // The helper moves go to the 协助调解 card; pass_up where the next level has a committee for the type.
    expect(Object.keys(a)).toEqual(['schedule', 'record_session', 'draft_agreement', 'invite_helper', 'remove_helper', 'fail', 'pass_up'])
    expect(a.schedule).toMatchObject({ needs: [], form: [{ name: 'session', required: true }, { name: 'note', required: false }] })
    expect(a.fail?.needs).toEqual(['note'])
    expect(a.fail?.form?.[0]?.choices?.map((c) => c.label)).toContain('警调对接（派出所）')
    const other = actor(OTHER_MEDIATOR_ID, MEDIATOR.grants[0]!)
    expect(actionsFor(MEDIATION, tree, other, mediationCase('mediating'), NOW)).toEqual([])
  })

  it('offers consent and decline only while the respondent has not answered', () => {
    const c = withSecondRespondent(mediationCase('awaiting_consent'))
    expect(actionsFor(MEDIATION, tree, RESP1, c, NOW).map((v) => v.action)).toEqual(['consent', 'decline'])
    expect(actionsFor(MEDIATION, tree, RESP1, withConsent(c, RESP1.userId, 'consented'), NOW)).toEqual([])
  })
})
