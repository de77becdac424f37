/** CloudBase side of the outside-systems aggregate: partners, webhook subscriptions and the delivery log. */
import type { IntegrationRepo } from '../../ports'
import { DELIVERY_FIELDS, deliveryLimit, PARTNER_FIELDS, SUBSCRIPTION_FIELDS } from '../integrationTables'
import { guard } from './cloudbaseErrors'
import { all, answered, byId, checked, docsOf, type CloudbaseAccess, type CollectionKey } from './db'
import { docMapper, instant, withoutId } from './docs'

const partnerDocs = docMapper('jf_integration_partners', PARTNER_FIELDS, 'id')
const subscriptionDocs = docMapper('jf_webhook_subscriptions', SUBSCRIPTION_FIELDS, 'id')
const deliveryDocs = docMapper('jf_webhook_deliveries', DELIVERY_FIELDS, 'id')

export function cloudbaseIntegrations(c: CloudbaseAccess): IntegrationRepo {
  const _ = c.db.command
  const newestFirst = (key: CollectionKey, where?: Record<string, unknown>) =>
    (where ? c.coll(key).where(where) : c.coll(key)).orderBy('createdAt', 'desc').orderBy('_id', 'desc')
  /** One conditional update: of two revocations at once, only one matches. */
  const revoke = (key: CollectionKey) => async (id: string, at: string) =>
    answered(await guard(() => c.coll(key).where({ _id: id, revokedAt: null }).options({ multiple: false }).update({ revokedAt: instant(at) })), 'updated') === 1
  return {
    // add() inserts: an existing id fails instead of being overwritten.
    addPartner: async (p) => void checked(await guard(() => c.coll('integration_partners').add(partnerDocs.toDoc(p)))),
    async getPartner(id) {
      const d = await byId(c.coll, 'integration_partners', id)
      return d ? partnerDocs.fromDoc(d) : null
    },
    async partnerByKeyHash(keyHash) {
      const docs = docsOf(await guard(() => c.coll('integration_partners').where({ keyHash }).limit(1).get()))
      return docs.length === 0 ? null : partnerDocs.fromDoc(docs[0])
    },
    async listPartners(kind) {
      return (await all(newestFirst('integration_partners', kind === undefined ? undefined : { kind }))).map(partnerDocs.fromDoc)
    },
    revokePartner: revoke('integration_partners'),

    addSubscription: async (s) => void checked(await guard(() => c.coll('webhook_subscriptions').add(subscriptionDocs.toDoc(s)))),
    async getSubscription(id) {
      const d = await byId(c.coll, 'webhook_subscriptions', id)
      return d ? subscriptionDocs.fromDoc(d) : null
    },
    async listSubscriptions() {
      return (await all(newestFirst('webhook_subscriptions'))).map(subscriptionDocs.fromDoc)
    },
    revokeSubscription: revoke('webhook_subscriptions'),

    /** By id, so an attempt logged twice (a retried log write) stays one document. */
    async logDelivery(r) {
      const doc = deliveryDocs.toDoc(r)
      checked(await guard(() => c.coll('webhook_deliveries').doc(r.id).set(withoutId(doc))))
    },
    async deliveries(target, opts) {
      let where: Record<string, unknown> = { target }
      if (opts.before !== undefined) {
        const at = instant(opts.before.at)
        where = _.and([{ target }, _.or([{ at: _.lt(at) }, { at, _id: _.lt(opts.before.id) }])]) as unknown as Record<string, unknown>
      }
      const q = c.coll('webhook_deliveries').where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(deliveryLimit(opts.limit))
      return docsOf(await guard(() => q.get())).map(deliveryDocs.fromDoc)
    },
  }
}
