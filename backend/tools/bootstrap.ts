/**
 * `npm run bootstrap -- --name 郑华 --phone 13800000000`: the first administrator of a new
 * environment. On CloudBase set JIEFANG_MODE=cloudbase, CLOUDBASE_ENV_ID and the API key pair
 * (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY) in the shell; locally it writes to DATA_DIR.
 */
import { deps } from '../runtime'
import { bootstrapDistrict } from '../usecases/admin/bootstrap'

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? (process.argv[i + 1] ?? '') : ''
}

async function run(): Promise<number> {
  const d = deps()
  const store = d.store as typeof d.store & { ensureCollections?: () => Promise<void> }
  // A fresh CloudBase environment may not have the collections yet (framework deploy makes them too).
  await store.ensureCollections?.()
  const hours = Number(arg('hours') || 72)
  const r = await bootstrapDistrict(d, { name: arg('name'), phone: arg('phone'), validHours: Number.isFinite(hours) && hours > 0 ? hours : 72 })
  await d.store.close()
  if (!r.ok) {
    console.error(`未完成：${r.message}`)
    return 1
  }
  console.log(`${r.district} 的管理员邀请码：${r.code}（有效期至 ${r.invitation.expiresAt}，仅可使用一次）`)
  console.log(`在小程序首页点「工作人员绑定」输入邀请码，或打开页面 ${r.path}`)
  return 0
}

run().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : 'bootstrap failed')
    process.exit(1)
  },
)
