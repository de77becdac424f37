/**
 * `npm run district -- <command>`: setting up a district from the command line, with the same use
 * cases (and checks) as the console. On CloudBase set JIEFANG_MODE=cloudbase, CLOUDBASE_ENV_ID and
 * the API key pair (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY) in the shell; locally it
 * writes to DATA_DIR.
 *
 *   bootstrap --name 郑华 --phone 13800000000       the district and its first administrator
 *   org <grids.geojson> [<units.geojson>] [--apply]  dry run (default) or apply an org import
 *   staff <roster.csv|.xlsx> [--apply] [--all-or-nothing]
 *   buildings <buildings.csv|.xlsx> [--apply] [--all-or-nothing]
 *   invite --phone 13900000401 [--hours 72]          a code for a staff member
 *   seal-phones                                      seal mediation phones stored in clear (CloudBase;
 *                                                    SQLite does it in its migration)
 *   seal-names                                       seal real names stored in clear: mediation parties
 *                                                    and agreements, proxy reports' residents (CloudBase;
 *                                                    SQLite: migration 15)
 *   number-cases                                     give stored cases their numbers (京溪-2026-00042)
 *                                                    in creation order (CloudBase; SQLite: migration 17)
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { STAFF_ROLES } from '../../src/core/import/roster'
import type { Failure } from '../../src/core/outcome'
import type { Actor } from '../../src/core/roles'
import { deps, type Deps } from '../runtime'
import { bootstrapDistrict } from '../usecases/admin/bootstrap'
import { issueInvitation } from '../usecases/admin/invite'
import { applyOrg } from '../usecases/admin/applyOrg'
import { planOrg } from '../usecases/admin/planOrg'
import { importBuildings } from '../usecases/admin/importBuildings'
import { importStaff } from '../usecases/admin/importStaff'
import { sealClearPhones } from '../usecases/mediation/phones'
import { sealClearNames } from '../usecases/shared/clearNames'
import { numberStoredCases } from '../usecases/shared/numberCases'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.includes(`--${name}`)
function opt(name: string): string {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? (argv[i + 1] ?? '') : ''
}
const positional = argv.slice(1).filter((a, i, all) => !a.startsWith('--') && !['--name', '--phone', '--hours'].includes(all[i - 1] ?? ''))

/** Whoever holds the environment's API keys acts as its district administrator. */
const operator = (d: Deps): Actor => ({ userId: 'cli', name: '命令行', grants: [{ role: 'admin', unitCode: d.config.district.code }] })

function say(r: { ok: boolean; message?: string }, ok: () => string): number {
  if (r.ok) console.log(ok())
  else console.error(`未完成：${r.message}`)
  return r.ok ? 0 : 1
}

function hours(): number {
  const h = Number(opt('hours') || 72)
  return Number.isFinite(h) && h > 0 && h <= 720 ? h : 72
}

/** staff and buildings: one CSV or .xlsx file, previewed unless --apply. */
async function importTable<P extends { errors: readonly { row: number; column: string; reason: string }[] }>(
  file: string | undefined,
  importer: (input: { fileName: string; contentBase64: string; dryRun: boolean; allOrNothing: boolean }) => Promise<{ ok: true; plan: P } | Failure>,
  describe: (plan: P) => { lines: string[]; summary: string },
): Promise<number> {
  if (!file) return say({ ok: false, message: '请给出 CSV 或 .xlsx 文件' }, () => '')
  const r = await importer({ fileName: basename(file), contentBase64: readFileSync(file).toString('base64'), dryRun: !flag('apply'), allOrNothing: flag('all-or-nothing') })
  if (!r.ok) return say(r, () => '')
  for (const e of r.plan.errors) console.error(`第 ${e.row} 行 ${e.column}：${e.reason}`)
  const { lines, summary } = describe(r.plan)
  for (const l of lines) console.log(l)
  console.log(`${summary}${flag('apply') ? '' : '（预览；加 --apply 写入）'}`)
  return r.plan.errors.length > 0 && flag('all-or-nothing') ? 1 : 0
}

async function run(): Promise<number> {
  const d = deps()
  const store = d.store as typeof d.store & { ensureCollections?: () => Promise<void> }
  // A fresh CloudBase environment may not have the collections yet (framework deploy makes them too).
  await store.ensureCollections?.()
  await d.refreshConfig?.()
  switch (argv[0]) {
    case 'bootstrap': {
      const r = await bootstrapDistrict(d, { name: opt('name'), phone: opt('phone'), validHours: hours() })
      return say(r, () => (r.ok ? `${r.district} 的管理员邀请码：${r.code}（有效期至 ${r.invitation.expiresAt}，仅可使用一次）\n在小程序首页点「工作人员绑定」输入邀请码，或打开页面 ${r.path}` : ''))
    }
    case 'org': {
      const [grids, units] = positional.map((f) => readFileSync(f, 'utf8'))
      if (!grids) return say({ ok: false, message: '请给出 GeoJSON 文件' }, () => '')
      const files = { geojson: grids, ...(units ? { units } : {}) }
      const planned = await planOrg(d, operator(d), files)
      if (!planned.ok) return say(planned, () => '')
      const p = planned.plan
      for (const e of p.errors) console.error(`错误 ${e.feature > 0 ? `第 ${e.feature} 个要素` : '文件'} ${e.code ?? ''} ${e.reason}`)
      for (const w of p.warnings) console.log(`提醒 ${w.reason}`)
      for (const [label, rows] of [['新增', p.added], ['变更', p.changed], ['删除', p.removed]] as const) for (const u of rows) console.log(`${label} ${u.levelLabel} ${u.code} ${u.name}${u.fields ? `（${u.fields.join('、')}）` : ''}`)
      console.log(`新增 ${p.added.length}，变更 ${p.changed.length}，删除 ${p.removed.length}，无变化 ${p.unchanged}，错误 ${p.errors.length}`)
      if (p.errors.length > 0) return 1
      if (!flag('apply')) {
        console.log('这是预览；确认后加 --apply 写入')
        return 0
      }
      const applied = await applyOrg(d, operator(d), { ...files, fingerprint: p.fingerprint })
      return say(applied, () => '已导入')
    }
    case 'staff':
      return importTable(positional[0], (input) => importStaff(d, operator(d), input), (plan) => ({
        lines: plan.people.map((p) => `${p.change === 'added' ? '新增' : p.change === 'changed' ? '变更' : '无变化'} ${p.name} ${p.phone} ${p.roles.map((x) => `${x.roleLabel}·${x.unitName}`).join('；')}`),
        summary: `共 ${plan.rows} 行，${plan.goodRows} 行可导入，${plan.errors.length} 处错误，写入 ${plan.applied} 人`,
      }))
    case 'buildings':
      return importTable(positional[0], (input) => importBuildings(d, operator(d), input), (plan) => ({
        lines: plan.buildings.map((b) => `${b.change === 'added' ? '新增' : '已有'} ${b.name} ${b.gridName} ${b.floors} 层 ${b.rooms} 间 楼栋长 ${b.managerName}`),
        summary: `共 ${plan.rows} 行，${plan.errors.length} 处错误，登记 ${plan.applied} 栋`,
      }))
    case 'invite': {
      const phone = opt('phone').replace(/\s/g, '')
      const staff = (await d.store.listStaff((await d.orgTree()).all().map((u) => u.code), STAFF_ROLES)).find((u) => u.phone === phone)
      if (!staff) return say({ ok: false, message: `没有手机号为 ${phone} 的工作人员` }, () => '')
      const r = await issueInvitation(d, staff.id, 'cli', hours())
      console.log(`${staff.name} 的邀请码：${r.code}（有效期至 ${r.invitation.expiresAt}，仅可使用一次）；页面 ${r.path}`)
      return 0
    }
    case 'seal-phones': {
      const r = await sealClearPhones(d)
      if ('ok' in r) return say(r, () => '')
      console.log(`已检查 ${r.scanned} 件调解案件，加密 ${r.sealed} 件中的明文电话`)
      return 0
    }
    case 'seal-names': {
      const r = await sealClearNames(d)
      if ('ok' in r) return say(r, () => '')
      console.log(`已检查 ${r.scanned} 件调解案件和上报，加密 ${r.sealed} 件中的明文姓名`)
      return 0
    }
    case 'number-cases': {
      const r = await numberStoredCases(d)
      console.log(`已检查 ${r.scanned} 件事项，为 ${r.numbered} 件编号`)
      return 0
    }
    default:
      console.error('用法：npm run district -- bootstrap|org|staff|buildings|invite|seal-phones|seal-names|number-cases …（见 backend/tools/district.ts）')
      return 2
  }
}

run().then(
  async (code) => {
    await deps().store.close()
    process.exit(code)
  },
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : 'failed')
    process.exit(1)
  },
)
