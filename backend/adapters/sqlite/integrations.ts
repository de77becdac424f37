/** SQLite side of the outside-systems aggregate: partners, webhook subscriptions and the delivery log. */
import type { IntegrationRepo } from '../../ports'
import { DELIVERY_FIELDS, deliveryLimit, PARTNER_FIELDS, SUBSCRIPTION_FIELDS } from '../integrationTables'
import { instant, rowMapper } from './rows'
import type { SqliteAccess } from './statements'

const partnerRows = rowMapper(PARTNER_FIELDS)
const subscriptionRows = rowMapper(SUBSCRIPTION_FIELDS)
const deliveryRows = rowMapper(DELIVERY_FIELDS)
const INSERT_PARTNER = partnerRows.insertSql('integration_partners')
const INSERT_SUBSCRIPTION = subscriptionRows.insertSql('webhook_subscriptions')
/** An attempt logged twice (a retried log write) stays one row. */
const INSERT_DELIVERY = deliveryRows.insertSql('webhook_deliveries', 'ON CONFLICT (id) DO NOTHING')

const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC'

/** The queries sqlite.integrations.test.ts checks are index lookups. */
export const INTEGRATION_SQL = {
  partnerByKeyHash: 'SELECT * FROM integration_partners WHERE key_hash = ?',
  firstDeliveries: 'SELECT * FROM webhook_deliveries WHERE target = ? ORDER BY at DESC, id DESC LIMIT ?',
  deliveriesBefore: 'SELECT * FROM webhook_deliveries WHERE target = ? AND (at < ? OR (at = ? AND id < ?)) ORDER BY at DESC, id DESC LIMIT ?',
} as const

export function sqliteIntegrations(db: SqliteAccess): IntegrationRepo {
  const revoke = (method: string, table: string) => (id: string, at: string) =>
    db.write(method, (s) => s.get(`UPDATE ${table} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(instant(at), id).changes === 1)
  return {
    addPartner: (p) => db.write('addPartner', (s) => void s.get(INSERT_PARTNER).run(partnerRows.toRow(p))),
    getPartner: (id) => db.read('getPartner', (s) => partnerRows.one(s, 'SELECT * FROM integration_partners WHERE id = ?', id)),
    partnerByKeyHash: (keyHash) =>
      db.read('partnerByKeyHash', (s) => partnerRows.one(s, INTEGRATION_SQL.partnerByKeyHash, keyHash)),
    listPartners: (kind) =>
      db.read('listPartners', (s) =>
        kind === undefined
          ? partnerRows.all(s, `SELECT * FROM integration_partners ${NEWEST_FIRST}`)
          : partnerRows.all(s, `SELECT * FROM integration_partners WHERE kind = ? ${NEWEST_FIRST}`, kind),
      ),
    revokePartner: revoke('revokePartner', 'integration_partners'),

    addSubscription: (sub) => db.write('addSubscription', (s) => void s.get(INSERT_SUBSCRIPTION).run(subscriptionRows.toRow(sub))),
    getSubscription: (id) => db.read('getSubscription', (s) => subscriptionRows.one(s, 'SELECT * FROM webhook_subscriptions WHERE id = ?', id)),
    listSubscriptions: () => db.read('listSubscriptions', (s) => subscriptionRows.all(s, `SELECT * FROM webhook_subscriptions ${NEWEST_FIRST}`)),
    revokeSubscription: revoke('revokeSubscription', 'webhook_subscriptions'),

    logDelivery: (r) => db.write('logDelivery', (s) => void s.get(INSERT_DELIVERY).run(deliveryRows.toRow(r))),
    deliveries: (target, opts) =>
      db.read('deliveries', (s) => {
        const limit = deliveryLimit(opts.limit)
        if (opts.before === undefined) {
          return deliveryRows.all(s, INTEGRATION_SQL.firstDeliveries, target, limit)
        }
        const at = instant(opts.before.at)
        return deliveryRows.all(s, INTEGRATION_SQL.deliveriesBefore, target, at, at, opts.before.id, limit)
      }),
  }
}
