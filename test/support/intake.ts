import { DEMO_RESIDENT_PHONES } from '../../backend/seed/demoUsers'
import { GRID1_CODE, idemKey } from './fixtures'

/** A dispute a grid worker found on patrol in grid 1 between the two demo residents (their phones are in 我的). */
export function intakeInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    source: 'patrol',
    disputeType: 'neighbour',
    placeCode: GRID1_CODE,
    parties: [
      { name: '陈小梅', phone: DEMO_RESIDENT_PHONES['demo-resident']! },
      { name: '黄伟明', phone: DEMO_RESIDENT_PHONES['demo-resident-2']! },
    ],
    facts: '楼上住户深夜装修噪音扰民，双方在楼道争吵，巡查时发现',
    claims: '晚上十点后停止施工',
    evidence: [] as string[],
    preferredWay: 'in_person',
    ...overrides,
  }
}

/** What a grid worker sends to turn the demo resident's report into mediation. */
export function fromReportInput(id: string, version: number, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    id,
    version,
    disputeType: 'neighbour',
    applicantName: '陈小梅',
    applicantPhone: DEMO_RESIDENT_PHONES['demo-resident']!,
    respondents: [{ name: '黄伟明', phone: DEMO_RESIDENT_PHONES['demo-resident-2']! }],
    facts: '楼上每晚十一点后还在拖动家具，多次沟通无果',
    claims: '晚上十点后保持安静',
    consentNote: '已电话征得报事人同意，由调解员调解',
    preferredWay: 'in_person',
    ...overrides,
  }
}

export { GRID1_CODE }
