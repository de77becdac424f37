/**
 * Every row of the three followable kinds' transition tables, and each kind's first row, checked
 * against the event an outside system is told (or none). A new action fails here until it is
 * classified below.
 */
import { caseEventOf, EVENTS_OF_KIND, qualifiedEvent } from '../../src/core/caseEventMap'
import { CASE_EVENT_NAMES, SUBSCRIBABLE_KINDS, type CaseEventName, type SubscribableKind } from '../../src/core/caseEvents'
import { KINDS } from '../../src/core/kinds'

type Expect = CaseEventName | null | ((from: string, to: string) => CaseEventName | null)

const MODERATION = [
  'publish_description',
  'hide_description',
  'redact_description',
  'publish_photo',
  'hide_photo',
  'hide_report',
  'unhide_report',
  'photo_check_pass',
  'photo_check_risky',
  'photo_check_review',
]

const EXPECTED: Record<SubscribableKind, Record<string, Expect>> = {
  report: {
    accept: 'accepted',
    assign: 'assigned',
    start: null,
    resolve: 'resolved',
    confirm: 'closed',
    auto_close: 'closed',
    // 记录回访 of a 12345 order: closes a resolved one; recorded after it closed, nothing new.
    follow_up: (from) => (from === 'closed' ? null : 'closed'),
    reopen: null,
    reject: 'closed',
    merge: 'closed',
    to_mediation: 'closed',
    escalate: 'escalated',
    mark_overdue: null,
    note: null,
    ...Object.fromEntries(MODERATION.map((a) => [a, null])),
  },
  mediation: {
    accept: 'accepted',
    reject: 'closed',
    reassign: 'assigned',
    invite: null,
    consent: null,
    decline: 'closed',
    schedule: null,
    record_session: null,
    draft_agreement: null,
    // The last party's confirmation ends the case (调解成功); earlier ones keep it waiting.
    confirm_agreement: (_from, to) => (to === 'succeeded' ? 'closed' : null),
    rate: null,
    remind: null,
    mark_overdue: null,
    invite_helper: null,
    remove_helper: null,
    rate_helper: null,
    fail: 'closed',
    prepare_judicial: null,
    confirm_judicial: null,
    record_judicial: null,
    record_referral: null,
    pass_up: 'escalated',
    video_join: null,
    video_leave: null,
  },
  help: {
    // The refusing row (已有人响应) records nothing.
    accept: (from) => (from === 'taken' ? null : 'accepted'),
    close: 'closed',
    convert: 'closed',
    escalate: 'escalated',
    escalate_district: 'escalated',
  },
}

describe.each(SUBSCRIBABLE_KINDS)('%s', (kind) => {
  const def = KINDS[kind]

  it('classifies every action of its table', () => {
    expect([...new Set(def.rules.map((r) => r.action))].sort()).toEqual(Object.keys(EXPECTED[kind]).sort())
  })

  it.each(def.rules.flatMap((r) => r.from.map((from) => [r.action, from, r.to ?? from] as const)))('%s from %s to %s', (action, from, to) => {
    const want = EXPECTED[kind][action]!
    expect(caseEventOf(kind, action, from, to)).toBe(typeof want === 'function' ? want(from, to) : want)
  })

  it('the first row is created, whatever opened it and wherever it starts', () => {
    expect(caseEventOf(kind, 'anything', null, def.initialStatus)).toBe('created')
  })

  it('produces exactly the events it offers', () => {
    const seen = new Set<CaseEventName>(['created'])
    for (const r of def.rules) for (const from of r.from) {
      const e = caseEventOf(kind, r.action, from, r.to ?? from)
      if (e) seen.add(e)
    }
    expect([...seen].sort()).toEqual([...EVENTS_OF_KIND[kind]].sort())
    expect(EVENTS_OF_KIND[kind].every((e) => (CASE_EVENT_NAMES as readonly string[]).includes(e))).toBe(true)
  })
})

describe('the rows outside the tables', () => {
  it('report: filed by the resident, 代办, or from outside (Open311, 12345) — all created', () => {
    for (const action of ['submit', 'proxy_submit', 'open311', 'hotline']) expect(caseEventOf('report', action, null, 'submitted')).toBe('created')
  })

  it('mediation: applied, entered by staff, converted, 代办 — created; a join that agrees is nothing, one that refuses closes it', () => {
    for (const action of ['apply', 'intake', 'convert', 'proxy_apply']) expect(caseEventOf('mediation', action, null, 'applied')).toBe('created')
    expect(caseEventOf('mediation', 'join', 'awaiting_consent', 'mediating')).toBeNull()
    expect(caseEventOf('mediation', 'join', 'accepted', 'accepted')).toBeNull()
    expect(caseEventOf('mediation', 'decline', 'accepted', 'declined')).toBe('closed')
    expect(caseEventOf('mediation', 'party_erased', 'succeeded', 'succeeded')).toBeNull()
  })

  it('help: a request raised with nobody on duty starts at the street and is still created (its escalation is that first row)', () => {
    expect(caseEventOf('help', 'raise', null, 'escalated')).toBe('created')
  })

  it('a person claiming a 代办 case is no event', () => {
    for (const kind of SUBSCRIBABLE_KINDS) expect(caseEventOf(kind, 'claim_proxied', KINDS[kind].initialStatus, KINDS[kind].initialStatus)).toBeNull()
  })
})

describe('kinds nobody outside follows', () => {
  it('check-ins and misuse reports never produce an event', () => {
    expect(caseEventOf('checkin', 'check_in', null, 'pending')).toBeNull()
    expect(caseEventOf('checkin', 'confirm', 'pending', 'active')).toBeNull()
    expect(caseEventOf('misuse', 'close', 'open', 'closed')).toBeNull()
    expect(caseEventOf('constructor', 'accept', 'submitted', 'accepted')).toBeNull()
  })
})

it('names an event with its kind', () => {
  expect(qualifiedEvent('report', 'accepted')).toBe('report.accepted')
  expect(qualifiedEvent('mediation', 'escalated')).toBe('mediation.escalated')
})
