import { DEMO_STREET } from '../../backend/seed/demoOrg'
import { idemKey } from './fixtures'
import type { Client } from './server'

export function applyInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: idemKey(),
    disputeType: 'family',
    streetCode: DEMO_STREET,
    applicantPhone: '13800138000',
    respondents: [{ name: '黄伟明', phone: '13912345678' }],
    facts: '婚后因子女抚养费问题多次争吵，双方协商未果，希望调解',
    claims: '每月支付子女抚养费 2000 元',
    evidence: [] as string[],
    preferredWay: 'online',
    ...overrides,
  }
}

export async function medAct(c: Client, id: string, action: string, extra: Record<string, unknown> = {}): Promise<any> {
  const cur = await c.call('mediation', 'get', { id })
  if (!cur.ok) return cur
  return c.call('mediation', 'act', { id, action, version: cur.case.version, ...extra })
}
