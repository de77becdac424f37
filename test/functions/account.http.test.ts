/**
 * 我的 over HTTP as strangers meet it: brand-new WeChat identities (dev login by OPENID), never a
 * demo user. The notice must be agreed before anything personal is saved; the phone is stored sealed
 * and only ever answered masked; nothing names another person, and a stranger reaches nothing of theirs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TINY_JPEG } from '../support/fixtures'
import { asOpenid, startServer, type Client, type RunningServer } from '../support/server'

let srv: RunningServer
beforeAll(async () => {
  srv = await startServer({ env: { JIEFANG_TIMER_MS: '0' } })
})
afterAll(async () => {
  await srv?.stop()
})

let n = 0
const fresh = () => asOpenid(srv.url, `dev-acct-${Date.now()}-${++n}`)
const account = (c: Client, action: string, data: unknown = {}) => c.call('account', action, data)

async function agreed(c: Client): Promise<void> {
  const { privacy } = await account(c, 'privacy')
  expect(await account(c, 'consent', { version: privacy.notice.version })).toMatchObject({ ok: true })
}

async function uploadJpeg(c: Client): Promise<string> {
  const r = await c.call('files', 'upload', { contentBase64: TINY_JPEG.toString('base64'), contentType: 'image/jpeg' })
  expect(r).toMatchObject({ ok: true })
  return r.fileId
}

it('a new person starts as 微信用户 with nothing given, and reads the whole notice', async () => {
  const a = await fresh()
  expect(await account(a, 'profile')).toEqual({
    ok: true,
    profile: { displayName: '微信用户', nicknameSet: false, avatarUrl: null, phone: null, noticeVersion: 2, consentNeeded: true, staff: false },
  })
  const { privacy } = await account(a, 'privacy')
  expect(privacy.consents).toEqual([])
  expect(privacy.notice).toMatchObject({ version: 2, title: '街坊通用户隐私保护指引', effectiveLabel: '2026年12月7日' })
  const text = privacy.notice.paragraphs.join('')
  // What is collected, why, who sees it, how long, the rights and whom to ask.
  for (const part of ['收集', '为什么', '谁能看到', '保存', '查阅', '导出', '更正', '注销', '联系我们', '一键求助', '语音', '代办', '认领', '协助调解']) expect(text).toContain(part)
  expect(text).not.toMatch(/[A-Za-z]{3,}/)
})

it('refuses profile writes until the notice in force is agreed, then records the consent once', async () => {
  const a = await fresh()
  expect(await account(a, 'update', { nickname: '小梅' })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', message: expect.stringContaining('街坊通用户隐私保护指引') })
  expect(await account(a, 'setPhone', { phone: '13912340001' })).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' })
  // Only the version in force can be agreed to.
  expect(await account(a, 'consent', { version: 3 })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'consent', { version: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect((await account(a, 'profile')).profile.consentNeeded).toBe(true)

  const first = await account(a, 'consent', { version: 2 })
  expect(first.privacy.consents).toEqual([{ title: '街坊通用户隐私保护指引', version: 2, atLabel: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) }])
  expect((await account(a, 'consent', { version: 2 })).privacy.consents).toEqual(first.privacy.consents)
  expect((await account(a, 'profile')).profile.consentNeeded).toBe(false)
  expect(await account(a, 'update', { nickname: '  小梅  ' })).toMatchObject({ ok: true, profile: { displayName: '小梅', nicknameSet: true } })
})

it('sets nickname and avatar; the nickname is the name others see', async () => {
  const a = await fresh()
  await agreed(a)
  const file = await uploadJpeg(a)
  const r = await account(a, 'update', { nickname: '街坊小王', avatar: file })
  expect(r).toMatchObject({ ok: true, profile: { displayName: '街坊小王', nicknameSet: true, avatarUrl: expect.stringContaining(`/api/files/${file}`) } })
  const img = await fetch(new URL(r.profile.avatarUrl, srv.url))
  expect(img.status).toBe(200)
  expect((await a.call('session', 'me', {})).user.name).toBe('街坊小王')

  // Either field alone; null removes the picture and keeps the nickname.
  expect(await account(a, 'update', { avatar: null })).toMatchObject({ ok: true, profile: { displayName: '街坊小王', avatarUrl: null } })
  expect(await account(a, 'update', {})).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'update', { nickname: '' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'update', { nickname: '长'.repeat(21) })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'update', { nickname: '已注销用户' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  // A resident cannot pass for staff in a roster.
  for (const title of ['网格员小李', '社区民警王', '街坊通官方']) {
    expect(await account(a, 'update', { nickname: title })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('工作人员') })
  }
  for (const hidden of ['小\n王', '\u202e王小', '\u200b\u200b', '\u0000']) {
    expect(await account(a, 'update', { nickname: hidden })).toMatchObject({ ok: false, code: 'VALIDATION' })
  }
  // A WeChat nickname with an emoji sequence (zero-width joiners) is a nickname like any other.
  expect(await account(a, 'update', { nickname: '👨‍👩‍👧小王' })).toMatchObject({ ok: true, profile: { displayName: '👨‍👩‍👧小王' } })
  expect(await account(a, 'update', { nickname: '街坊小王' })).toMatchObject({ ok: true })
  expect(await account(a, 'update', { nickname: '违禁词' })).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('昵称') })
  expect(await account(a, 'update', { nickname: '小王', name: '别人' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'update', { avatar: 'not-a-file-id' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect((await account(a, 'profile')).profile.displayName).toBe('街坊小王')
})

it('keeps the phone sealed: answered masked only, never in clear in the database; removable', async () => {
  const a = await fresh()
  await agreed(a)
  // Locally there is no WeChat phone button: the app is told to let the person type.
  expect(await account(a, 'setPhone', { code: 'abcdefgh12345678' })).toEqual({ ok: false, code: 'PHONE_CODE_UNAVAILABLE', message: '暂时无法使用微信手机号，请手动填写' })
  expect(await account(a, 'setPhone', { phone: '12345' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  expect(await account(a, 'setPhone', { phone: '13912340002', code: 'abcdefgh12345678' })).toMatchObject({ ok: false, code: 'VALIDATION' })

  const set = await account(a, 'setPhone', { phone: ' 13912340002 ' })
  expect(set).toMatchObject({ ok: true, profile: { phone: { masked: '139****0002', source: 'typed', sourceLabel: '手动填写' } } })
  const seen = JSON.stringify([set, await account(a, 'profile'), await account(a, 'privacy'), await a.call('session', 'me', {})])
  expect(seen).not.toContain('13912340002')
  const dbFiles = readdirSync(srv.dataDir).filter((f) => /\.(db|sqlite)(-wal)?$/.test(f) || f.endsWith('-wal'))
  expect(dbFiles.length).toBeGreaterThan(0)
  for (const f of dbFiles) expect(readFileSync(join(srv.dataDir, f)).includes(Buffer.from('13912340002'))).toBe(false)

  expect((await account(a, 'setPhone', { phone: '020-12345678' })).profile.phone.masked).toBe('020*****5678')
  expect(await account(a, 'removePhone')).toMatchObject({ ok: true, profile: { phone: null } })
  expect(await account(a, 'removePhone')).toMatchObject({ ok: true, profile: { phone: null } })
})

it('a stranger sees and changes nothing of another person', async () => {
  const a = await fresh()
  await agreed(a)
  const file = await uploadJpeg(a)
  await account(a, 'update', { nickname: '甲方', avatar: file })
  await account(a, 'setPhone', { phone: '13912340003' })

  const stranger = await fresh()
  const theirs = JSON.stringify([await account(stranger, 'profile'), await account(stranger, 'privacy')])
  expect(theirs).not.toContain('甲方')
  expect(theirs).not.toContain(file)
  expect(theirs).not.toContain('0003')
  expect((await account(stranger, 'privacy')).privacy.consents).toEqual([])
  await agreed(stranger)
  // Another person's upload is not an avatar one may take.
  expect(await account(stranger, 'update', { avatar: file })).toMatchObject({ ok: false, code: 'VALIDATION' })
  // No input names anyone else: an id or user field is refused, not ignored.
  for (const action of ['profile', 'privacy', 'removePhone']) {
    expect(await account(stranger, action, { userId: 'demo-resident' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  }
  expect(await account(stranger, 'removePhone')).toMatchObject({ ok: true })
  expect(await account(a, 'profile')).toMatchObject({ profile: { displayName: '甲方', phone: { masked: '139****0003' }, avatarUrl: expect.stringContaining(file) } })

  const nobody = await fetch(`${srv.url}/api/fn/account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'profile', data: {} }) })
  expect(await nobody.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

it('unknown actions are refused by name', async () => {
  const a = await fresh()
  expect(await account(a, 'setName', { name: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
})
