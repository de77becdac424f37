/**
 * 对外接口, end to end: the built H5 app on the real local server in Debian Chromium, a webhook receiver
 * on 127.0.0.1 standing in for the city's grid platform.
 *
 * 郑华 (district admin) opens 对外接口 from 区级管理's navigation, issues an Open311 key (shown once in a
 * dialog with the warning; the list then shows only its last four characters, and the key answers on
 * /open311/v2), adds a 12345 platform (its secret shown once), and subscribes the receiver to 网格事件
 * 受理. A resident's report is accepted by the grid worker (API); the outbox delivers a signed body that
 * the subscriber's secret verifies, and 发送记录 shows the attempt as 成功 with the case number. Revoking
 * the subscription stops deliveries; revoking the key makes Open311 refuse it.
 */
import type { IncomingMessage } from 'node:http'
import type { Page } from 'playwright-core'
import { verifySignature } from '../../backend/adapters/webhook/signedPost'
import { browserWorld, deskContext, open, shot, signIn, tapAndConfirm } from '../support/browser'
import { advance, move, submitReport } from '../support/cases'
import { loopbackReceiver, type Loopback } from '../support/loopback'
import { as, asOpenid } from '../support/server'

jest.setTimeout(240_000)

const world = browserWorld()

interface Received {
  headers: IncomingMessage['headers']
  body: string
}

let receiver: Loopback
const received: Received[] = []

beforeAll(async () => {
  receiver = await loopbackReceiver((req, body, res) => {
    received.push({ headers: req.headers, body })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
})

afterAll(async () => {
  await receiver?.close()
})

async function desk(): Promise<Page> {
  const p = await (await deskContext(world.browser, world.srv.url)).newPage()
  p.setDefaultTimeout(30_000)
  await signIn(p, 'demo-admin')
  return p
}

/** The once-shown dialog: its warning and value; closed with 我已复制保存. */
async function takeRevealed(p: Page): Promise<string> {
  await p.locator('#jf-int-reveal').waitFor()
  await expect(p.locator('#jf-int-reveal-warn').innerText()).resolves.toBe('只显示这一次，请立即复制保存')
  await p.locator('#jf-int-copy').waitFor()
  const value = (await p.locator('#jf-int-secret').innerText()).trim()
  await p.locator('.nut-dialog-footer-ok').click()
  await p.locator('#jf-int-reveal').waitFor({ state: 'detached' })
  return value
}

async function pickTab(p: Page, key: 'keys' | 'hotline' | 'subs' | 'log'): Promise<void> {
  await p.locator(`#jf-int-tabs-${key}`).click()
  await p.locator(`#jf-int-tabs-${key}[aria-selected="true"]`).waitFor()
}

/** Runs the server's timers (the outbox among them) until `done` holds, a few rounds at most. */
async function deliverUntil(done: () => boolean): Promise<void> {
  for (let round = 0; round < 10 && !done(); round++) {
    await advance(world.srv.url, 0)
    await new Promise((ok) => setTimeout(ok, 200))
  }
}

async function open311Requests(key: string, jurisdiction: string): Promise<number> {
  const res = await fetch(`${world.srv.url}/open311/v2/requests.json?api_key=${encodeURIComponent(key)}&jurisdiction_id=${jurisdiction}`)
  return res.status
}

describe('对外接口 in the browser against the real server', () => {
  it('issues a key shown once, subscribes a receiver that gets a signed 受理, shows 成功 in 发送记录, and revokes both', async () => {
    const admin = await desk()
    const adminApi = await as(world.srv.url, 'demo-admin')

    // 1. From 区级管理's navigation to 对外接口.
    await open(admin, '/pages/admin/org/index')
    await admin.locator('#jf-admin-nav-integrations').click()
    await admin.locator('#jf-admin-integrations').waitFor()
    await admin.locator('#jf-int-tabs-keys[aria-selected="true"]').waitFor()
    await admin.locator('#jf-int-keys-empty').waitFor()

    // 2. An Open311 key: a name is required; then the key is shown once, and the list keeps only its hint.
    await admin.locator('#jf-int-keys-go').click()
    await expect(admin.locator('#jf-error-open311-name').innerText()).resolves.toBe('请填写名称')
    await admin.locator('#jf-int-keys-name').fill('城市问题上报平台')
    await admin.locator('#jf-int-keys-go').click()
    await admin.locator('#jf-int-reveal').waitFor()
    await shot(admin, 'e2e-integrations-key-once')
    const key = await takeRevealed(admin)
    expect(key).toMatch(/^jf311_[0-9A-Za-z]{32}$/)
    const keyRow = admin.locator('#jf-int-keys-list .jf-int-partner[data-revoked="0"]', { hasText: '城市问题上报平台' })
    await expect(keyRow.locator('.jf-int-hint').innerText()).resolves.toBe(`…${key.slice(-4)}`)
    await expect(admin.locator('#jf-admin-integrations').innerText()).resolves.not.toContain(key)
    const partners = await adminApi.call('integrations', 'partners', {})
    expect(partners.ok).toBe(true)
    expect(JSON.stringify(partners)).not.toContain(key)
    const jurisdiction: string = partners.partners.find((p: { name: string }) => p.name === '城市问题上报平台').jurisdiction
    await expect(keyRow.innerText()).resolves.toContain(jurisdiction)
    expect(await open311Requests(key, jurisdiction)).toBe(200)

    // 3. A 12345 platform: its secret shown once too; it becomes one of 发送记录's targets.
    await pickTab(admin, 'hotline')
    await admin.locator('#jf-int-hotline-name').fill('广州市12345政务服务便民热线')
    await admin.locator('#jf-int-hotline-url').fill(`${receiver.url.replace('/door', '/hotline')}`)
    await admin.locator('#jf-int-hotline-go').click()
    const hotlineSecret = await takeRevealed(admin)
    expect(hotlineSecret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await admin.locator('#jf-int-hotline-list .jf-int-partner', { hasText: '广州市12345政务服务便民热线' }).waitFor()
    await expect(admin.locator('#jf-int-hotline-list').innerText()).resolves.not.toContain(hotlineSecret)

    // 4. The receiver subscribes to 网格事件 受理 (nothing chosen first: refused under the boxes).
    await pickTab(admin, 'subs')
    await admin.locator('#jf-int-sub-name').fill('市网格化平台')
    await admin.locator('#jf-int-sub-url').fill(receiver.url)
    await admin.locator('#jf-int-sub-go').click()
    await admin.locator('#jf-error-sub-events').waitFor()
    const acceptedBox = admin.locator('.jf-int-kind[data-kind="report"] .jf-int-event[data-event="accepted"]')
    await acceptedBox.click()
    await admin.locator('.jf-int-kind[data-kind="report"] .jf-int-event[data-event="accepted"][aria-checked="true"]').waitFor()
    await admin.locator('#jf-int-sub-go').click()
    const secret = await takeRevealed(admin)
    const subRow = admin.locator('#jf-int-subs-list .jf-int-sub[data-revoked="0"]', { hasText: '市网格化平台' })
    await expect(subRow.innerText()).resolves.toContain('网格事件：受理')
    const subId = (await subRow.getAttribute('data-id'))!
    await shot(admin, 'e2e-integrations-subscriptions')

    // 5. A brand-new resident reports; the grid worker accepts; the outbox delivers the signed event.
    const resident = await asOpenid(world.srv.url, `dev-int-${Date.now()}`)
    const filed = await submitReport(resident, { description: '云景路 12 号楼下垃圾堆了三天没人清理' })
    const worker = await as(world.srv.url, 'demo-grid-worker')
    expect(await move(worker, filed.id, 'accept')).toMatchObject({ ok: true })
    await deliverUntil(() => received.some((r) => r.headers['x-jiefang-event-id'] !== undefined))
    const got = received.filter((r) => JSON.parse(r.body).event === 'report.accepted')
    expect(got).toHaveLength(1)
    const body = JSON.parse(got[0]!.body)
    expect(body.case.number).toBe(filed.number)
    const sig = { timestamp: got[0]!.headers['x-jiefang-timestamp'] as string, signature: got[0]!.headers['x-jiefang-signature'] as string }
    const now = Math.floor(Date.now() / 1000)
    expect(verifySignature(Buffer.from(secret, 'utf8'), sig, got[0]!.body, now)).toBe('ok')
    expect(verifySignature(Buffer.from(hotlineSecret, 'utf8'), sig, got[0]!.body, now)).toBe('bad_signature')
    // Nothing personal leaves: no description, no reporter.
    expect(got[0]!.body).not.toContain('垃圾堆了三天')

    // 6. 发送记录 of the subscription: the attempt, in words, with the case number.
    await pickTab(admin, 'log')
    await admin.locator('#jf-int-log-empty, #jf-int-log-list').first().waitFor()
    await admin.locator('#jf-int-log-target').selectOption(`sub:${subId}`)
    await admin.locator(`#jf-int-log[data-target="sub:${subId}"]`).waitFor()
    const row = admin.locator('#jf-int-log-list .jf-int-delivery').first()
    await row.waitFor()
    await expect(row.getAttribute('data-ok')).resolves.toBe('1')
    const text = await row.innerText()
    expect(text).toContain('成功')
    expect(text).toContain(filed.number)
    expect(text).toContain('受理')
    expect(text).toContain('第 1 次')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|report\.accepted/)
    await expect(admin.locator('#jf-int-log .jf-list-more').innerText()).resolves.toContain('没有更多了')
    await shot(admin, 'e2e-integrations-log')

    // 7. Revoking the subscription (asked first): a later acceptance sends nothing more.
    await pickTab(admin, 'subs')
    await tapAndConfirm(admin, `.jf-int-sub[data-id="${subId}"] .jf-int-revoke`)
    await admin.locator(`.jf-int-sub[data-id="${subId}"][data-revoked="1"]`).waitFor()
    await expect(admin.locator(`.jf-int-sub[data-id="${subId}"]`).innerText()).resolves.toContain('已停用')
    const before = received.length
    const second = await submitReport(resident, { description: '云景路 14 号路灯不亮' })
    expect(await move(worker, second.id, 'accept')).toMatchObject({ ok: true })
    await advance(world.srv.url, 0)
    await advance(world.srv.url, 0)
    expect(received.length).toBe(before)

    // 8. Revoking the key (asked first): Open311 refuses it from then on.
    await pickTab(admin, 'keys')
    await tapAndConfirm(admin, '#jf-int-keys-list .jf-int-partner[data-revoked="0"] .jf-int-revoke')
    await admin.locator('#jf-int-keys-list .jf-int-partner[data-revoked="1"]', { hasText: '城市问题上报平台' }).waitFor()
    expect(await open311Requests(key, jurisdiction)).toBe(403)
    await shot(admin, 'e2e-integrations-revoked')
  })
})
