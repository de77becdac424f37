import { KINDS, statusLabel } from '../../src/core/kinds'
import { KIND_SCOPES } from '../../src/core/kinds/scopes'
import { STATUS_LABELS } from '../../src/core/kinds/statusLabels'

/**
 * Who reaches a case (scope.ts) and the status words of views read the kinds' tables apart from
 * their commands (kinds/scopes.ts, kinds/statusLabels.ts), so function bundles need not carry every
 * kind; they must be the very tables the kinds' definitions hold.
 */
describe("the kinds' scope rules and status words without their commands", () => {
  const kinds = Object.keys(KINDS) as Array<keyof typeof KINDS>

  it('cover every kind', () => {
    expect(Object.keys(KIND_SCOPES).sort()).toEqual([...kinds].sort())
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...kinds].sort())
  })

  it.each(kinds)('%s: the scope rule is the one its definition holds', (kind) => {
    expect(KIND_SCOPES[kind]).toBe(KINDS[kind].scope)
  })

  it.each(kinds)('%s: the status words are the ones its definition holds', (kind) => {
    expect(STATUS_LABELS[kind]).toEqual(KINDS[kind].statusLabels)
    for (const status of Object.keys(KINDS[kind].statusLabels)) expect(statusLabel(kind, status)).toBe(KINDS[kind].statusLabels[status])
  })

  it('names an unknown status or kind by itself', () => {
    expect(statusLabel('report', 'constructor')).toBe('constructor')
    expect(statusLabel('nope' as never, 'open')).toBe('open')
  })
})
