/**
 * cloudbaserc.json (read by `tcb fn deploy` / `tcb framework deploy`) must deploy what the
 * code expects: the four functions with their limits and timer, and the collections and
 * indexes of backend/adapters/cloudbase/indexes.ts (the list a deploy script can also apply).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { collectionSpecs } from '../../backend/adapters/cloudbase/indexes'
import { COLLECTIONS } from '../../backend/adapters/cloudbase/store'

interface FunctionConfig {
  name: string
  runtime: string
  timeout: number
  memorySize: number
  installDependency: boolean
  envVariables: Record<string, string>
  triggers?: Array<{ name: string; type: string; config: string }>
}

const rc = JSON.parse(readFileSync(join(__dirname, '../../cloudbaserc.json'), 'utf8')) as {
  envId: string
  functionRoot: string
  functions: FunctionConfig[]
  framework: { plugins: Record<string, { use: string; inputs: { collections: unknown[] } }> }
}

describe('cloudbaserc.json', () => {
  it('takes the environment id from the ENV_ID variable, functions from ./cloudfunctions', () => {
    expect(rc.envId).toBe('{{env.ENV_ID}}')
    expect(rc.functionRoot).toBe('./cloudfunctions')
  })

  it('deploys the API functions in CloudBase mode with bounded time and memory', () => {
    // Every deployable folder, and nothing else.
    const folders = readdirSync(join(__dirname, '../../cloudfunctions')).filter((n) => existsSync(join(__dirname, '../../cloudfunctions', n, 'package.json')))
    expect(rc.functions.map((f) => f.name).sort()).toEqual(folders.sort())
    for (const f of rc.functions) {
      // The SDK ships beside each bundle (sdk.js); only voip has a package (wx-server-sdk) to install.
      expect(f).toMatchObject({ runtime: 'Nodejs18.15', memorySize: 256, installDependency: f.name === 'voip', envVariables: { JIEFANG_MODE: 'cloudbase' } })
    }
    for (const name of rc.functions.map((f) => f.name).filter((n) => !n.endsWith('-timer'))) {
      const f = rc.functions.find((x) => x.name === name) as FunctionConfig
      expect(f.timeout).toBeGreaterThanOrEqual(10)
      expect(f.timeout).toBeLessThanOrEqual(20)
      expect(f.triggers).toBeUndefined()
    }
  })

  it('fires the SLA timer every minute (CloudBase 7-field cron), as its config.json says', () => {
    const timer = rc.functions.find((f) => f.name === 'sla-timer') as FunctionConfig
    expect(timer.triggers).toEqual([{ name: expect.any(String), type: 'timer', config: '0 */1 * * * * *' }])
    const own = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/sla-timer/config.json'), 'utf8'))
    expect(own.triggers).toEqual(timer.triggers)
  })

  it('fires the rental job daily, as its config.json says', () => {
    const timer = rc.functions.find((f) => f.name === 'rental-timer') as FunctionConfig
    expect(timer.triggers).toEqual([{ name: 'daily', type: 'timer', config: '0 30 2 * * * *' }])
    const own = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/rental-timer/config.json'), 'utf8'))
    expect(own.triggers).toEqual(timer.triggers)
  })

  it('gives the rental functions their keys by variable name, never a value', () => {
    for (const name of ['rental', 'rental-timer']) {
      const f = rc.functions.find((x) => x.name === name) as FunctionConfig
      for (const v of ['JIEFANG_PII_KEY', 'JIEFANG_ACCESS_WEBHOOK_SECRET', 'JIEFANG_ACCESS_WEBHOOK_URL']) expect(f.envVariables[v]).toBe(`{{env.${v}}}`)
    }
    // The minute timer delivers the outbox, door-access webhooks included, so it signs them too; it
    // opens the sealed secrets of case-webhook subscribers and 12345 platforms with the PII key
    // (no client can call a timer).
    // Mediation seals the parties' phones with the same key.
    expect((rc.functions.find((x) => x.name === 'mediation') as FunctionConfig).envVariables.JIEFANG_PII_KEY).toBe('{{env.JIEFANG_PII_KEY}}')
    const sla = rc.functions.find((x) => x.name === 'sla-timer') as FunctionConfig
    expect(sla.envVariables).toMatchObject({ JIEFANG_ACCESS_WEBHOOK_SECRET: '{{env.JIEFANG_ACCESS_WEBHOOK_SECRET}}', JIEFANG_ACCESS_WEBHOOK_URL: '{{env.JIEFANG_ACCESS_WEBHOOK_URL}}' })
    expect(sla.envVariables.JIEFANG_PII_KEY).toBe('{{env.JIEFANG_PII_KEY}}')
  })

  it('declares exactly the store\'s collections, admin-only, with the indexes of indexes.ts', () => {
    const db = Object.values(rc.framework.plugins).find((p) => p.use === '@cloudbase/framework-plugin-database')
    expect(db).toBeDefined()
    expect(db?.inputs.collections).toEqual(collectionSpecs())
    expect(collectionSpecs().map((c) => c.collectionName)).toEqual(COLLECTIONS.map((k) => `jf_${k}`))
  })

  it('indexes the query shapes the store sends', () => {
    const byName = Object.fromEntries(collectionSpecs().map((c) => [c.collectionName, c.createIndexes]))
    const keys = (coll: string) => byName[coll].map((i) => i.keys.map((k) => `${k.name}:${k.direction}`).join(','))
    expect(keys('jf_cases')).toEqual([
      'creatorId:1,_id:-1',
      'gridCode:1,status:1,slaDeadline:1',
      'unitCode:1,status:1,slaDeadline:1',
      'streetCode:1,status:1,slaDeadline:1,_id:1',
      'assigneeId:1,status:1',
      'creatorId:1,idempotencyKey:1',
      // The SLA and report timers' walks and a department's queue (SQLite's cases_by_sla, cases_by_created, cases_by_department).
      'slaDeadline:1,_id:1',
      'createdAt:1',
      'payload.department:1,status:1,slaDeadline:1',
      // A mediator's queue by committee (SQLite's cases_queue_by_committee*).
      'payload.committee:1,status:1,slaDeadline:1,_id:1',
      // The desk's search by case number (SQLite's cases_by_number).
      'number:1',
    ])
    expect(byName.jf_cases.find((i) => i.name === 'by_creator_idempotency')?.unique).toBe(true)
    expect(keys('jf_timeline')).toEqual(['caseId:1,seq:1'])
    expect(keys('jf_users')).toEqual(['openid:1', 'webUid:1', 'grantKeys:1'])
    expect(keys('jf_outbox')).toEqual(['deliveredAt:1,nextAttemptAt:1', 'deliveredAt:1,createdAt:1,seq:1', 'deadAt:-1'])
    expect(keys('jf_memberships')).toEqual(['gridCode:1,status:1,requestedAt:1', 'userId:1,requestedAt:1'])
    expect(keys('jf_announcements')).toEqual(['authorId:1,_id:-1', 'authorId:1,idempotencyKey:1'])
    expect(byName.jf_announcements.find((i) => i.name === 'by_author_idempotency')?.unique).toBe(true)
    expect(keys('jf_announcement_targets')).toEqual(['gridCode:1,announcementId:-1', 'gridCode:1,type:1,announcementId:-1', 'announcementId:1'])
    expect(keys('jf_announcement_reads')).toEqual(['announcementId:1,readAt:1', 'userId:1,announcementId:1'])
    expect(keys('jf_buildings')).toEqual(['code:1', 'managerId:1,_id:1', 'gridCode:1,_id:1'])
    expect(byName.jf_buildings.find((i) => i.name === 'by_code')?.unique).toBe(true)
    expect(keys('jf_fire_inspections')).toEqual(['buildingId:1,_id:-1'])
    expect(keys('jf_registration_secrets')).toEqual(['docHmac:1'])
    expect(keys('jf_audit_log')).toEqual(['unitCode:1,_id:-1'])
  })
})
