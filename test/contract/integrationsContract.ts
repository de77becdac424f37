/**
 * The outside-systems store every adapter must show: partners found by id and by key hash and
 * revoked once, subscriptions kept with their event selection, and each target's delivery log
 * paged newest first by its (at, id) cursor.
 */
import type { DeliveryRecord, IntegrationPartner, WebhookSubscription } from '../../backend/ports'
import type { OpenedStore } from './fixtures'
import { storeForEachTest } from './openEach'

const partner = (over: Partial<IntegrationPartner> = {}): IntegrationPartner => ({
  id: 'p-open311',
  kind: 'open311',
  name: '市网格化平台',
  jurisdictionId: '440111',
  keyHash: 'a'.repeat(64),
  keyHint: 'Xy7Q',
  secretSealed: null,
  webhookUrl: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  createdBy: 'admin-1',
  revokedAt: null,
  ...over,
})

const hotline = (over: Partial<IntegrationPartner> = {}): IntegrationPartner =>
  partner({ id: 'p-12345', kind: 'hotline', name: '广州市12345政务服务便民热线', keyHash: null, keyHint: null, secretSealed: 'v1.sealed', webhookUrl: 'https://12345.example.gov.cn/reply', createdAt: '2026-12-02T02:00:00.000Z', ...over })

const subscription = (over: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id: 's-1',
  name: '区数据中心',
  url: 'https://data.example.gov.cn/hook',
  secretSealed: 'v1.sub-sealed',
  events: { report: ['created', 'accepted', 'resolved'], help: ['escalated'] },
  createdAt: '2026-12-03T02:00:00.000Z',
  createdBy: 'admin-1',
  revokedAt: null,
  ...over,
})

const delivery = (n: number, over: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  id: `d-${String(n).padStart(3, '0')}`,
  target: 'sub:s-1',
  messageId: `m-${n}`,
  event: 'report.accepted',
  caseNumber: '京溪-2026-00042',
  attempt: 1,
  // Two attempts share each second, so the cursor's id part is exercised.
  at: new Date(Date.UTC(2026, 11, 7, 6, 0, Math.floor(n / 2))).toISOString(),
  ok: true,
  httpStatus: 200,
  durationMs: 12.5,
  error: null,
  dead: false,
  ...over,
})

export function describeIntegrationsContract(adapterName: string, open: () => Promise<OpenedStore>): void {
  describe(`Integrations store contract: ${adapterName}`, () => {
    const store = storeForEachTest(open)

    it('keeps partners, finds one by key hash, lists newest first and by kind', async () => {
      expect(await store.getPartner('p-open311')).toBeNull()
      expect(await store.listPartners()).toEqual([])
      await store.addPartner(partner())
      await store.addPartner(hotline())
      expect(await store.getPartner('p-open311')).toEqual(partner())
      expect(await store.getPartner('p-12345')).toEqual(hotline())
      expect(await store.partnerByKeyHash('a'.repeat(64))).toEqual(partner())
      expect(await store.partnerByKeyHash('b'.repeat(64))).toBeNull()
      expect((await store.listPartners()).map((p) => p.id)).toEqual(['p-12345', 'p-open311'])
      expect(await store.listPartners('open311')).toEqual([partner()])
      expect(await store.listPartners('hotline')).toEqual([hotline()])
    })

    it('refuses a second partner with the same id', async () => {
      await store.addPartner(partner())
      await expect(store.addPartner(partner({ name: '另一个' }))).rejects.toBeTruthy() // any rejection: a native driver's error may come from another suite's realm
      expect((await store.getPartner('p-open311'))?.name).toBe('市网格化平台')
    })

    it('revokes a partner once; revoked ones stay listed and findable', async () => {
      await store.addPartner(partner())
      expect(await store.revokePartner('p-open311', '2026-12-05T03:00:00Z')).toBe(true)
      expect(await store.revokePartner('p-open311', '2026-12-06T03:00:00Z')).toBe(false)
      expect(await store.revokePartner('p-none', '2026-12-06T03:00:00Z')).toBe(false)
      const revoked = partner({ revokedAt: '2026-12-05T03:00:00.000Z' })
      expect(await store.getPartner('p-open311')).toEqual(revoked)
      expect(await store.partnerByKeyHash('a'.repeat(64))).toEqual(revoked)
      expect(await store.listPartners()).toEqual([revoked])
    })

    it('keeps subscriptions with their event selection, known kinds and events only', async () => {
      expect(await store.getSubscription('s-1')).toBeNull()
      await store.addSubscription(subscription())
      const slipped = { report: ['accepted', 'deleted', 'created'], checkin: ['created'] } as unknown as WebhookSubscription['events']
      await store.addSubscription(subscription({ id: 's-2', events: slipped, createdAt: '2026-12-04T02:00:00.000Z' }))
      expect(await store.getSubscription('s-1')).toEqual(subscription())
      expect((await store.getSubscription('s-2'))?.events).toEqual({ report: ['created', 'accepted'] })
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(['s-2', 's-1'])
      expect(await store.revokeSubscription('s-1', '2026-12-05T03:00:00Z')).toBe(true)
      expect(await store.revokeSubscription('s-1', '2026-12-05T04:00:00Z')).toBe(false)
      expect(await store.revokeSubscription('s-none', '2026-12-05T04:00:00Z')).toBe(false)
      expect((await store.getSubscription('s-1'))?.revokedAt).toBe('2026-12-05T03:00:00.000Z')
      expect((await store.listSubscriptions()).map((s) => [s.id, s.revokedAt])).toEqual([
        ['s-2', null],
        ['s-1', '2026-12-05T03:00:00.000Z'],
      ])
    })

    it('pages a target’s delivery log newest first by its (at, id) cursor', async () => {
      for (let n = 0; n < 7; n++) await store.logDelivery(delivery(n))
      const first = await store.deliveries('sub:s-1', { limit: 3 })
      expect(first.map((d) => d.id)).toEqual(['d-006', 'd-005', 'd-004'])
      expect(first[0]).toEqual(delivery(6))
      const cursor = (d: DeliveryRecord) => ({ at: d.at, id: d.id })
      const second = await store.deliveries('sub:s-1', { before: cursor(first[2]), limit: 3 })
      expect(second.map((d) => d.id)).toEqual(['d-003', 'd-002', 'd-001'])
      const last = await store.deliveries('sub:s-1', { before: cursor(second[2]), limit: 3 })
      expect(last.map((d) => d.id)).toEqual(['d-000'])
      expect(await store.deliveries('sub:s-1', { before: cursor(last[0]), limit: 3 })).toEqual([])
    })

    it('keeps targets apart and a failed, dead attempt as it was logged', async () => {
      const failed = delivery(1, { id: 'h-1', target: 'hotline:p-12345', event: 'hotline.resolved', attempt: 10, ok: false, httpStatus: null, error: '连接超时', dead: true })
      const access = delivery(2, { id: 'a-1', target: 'access', event: 'access.grant', caseNumber: null, httpStatus: 502, ok: false, error: '对方返回 502' })
      await store.logDelivery(delivery(0))
      await store.logDelivery(failed)
      await store.logDelivery(access)
      // The same attempt logged again stays one row.
      await store.logDelivery(access)
      expect(await store.deliveries('sub:s-1', { limit: 10 })).toEqual([delivery(0)])
      expect(await store.deliveries('hotline:p-12345', { limit: 10 })).toEqual([failed])
      expect(await store.deliveries('access', { limit: 10 })).toEqual([access])
      expect(await store.deliveries('sub:s-2', { limit: 10 })).toEqual([])
    })
  })
}
