import type { Actor } from '../../../src/core/roles'
import type { Deps } from '../../deps'
import { writeAudit } from '../shared/audit'

export type IntegrationChange = 'issueKey' | 'addHotline' | 'revokePartner' | 'subscribe' | 'revokeSubscription'

/**
 * Who opened or closed a door into the district's data is recorded before the change is made
 * (the audit log the police and admins read): `integrations.<change> <record id> <name>`, never a
 * key or a secret.
 */
export async function auditChange(d: Deps, actor: Actor, change: IntegrationChange, recordId: string, name: string): Promise<void> {
  await writeAudit(d, actor, {
    actorRole: 'admin',
    action: 'integration',
    target: `integrations.${change} ${recordId} ${name}`,
    reason: '对外接口管理',
    unitCode: d.config.district.code,
  })
}
