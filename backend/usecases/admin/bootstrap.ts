import { fail } from '../../../src/core/outcome'
import type { Deps } from '../../deps'
import { issueInvitation } from './invite'

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

/**
 * An empty environment has no one who may use the console: this writes the configured district
 * as the root unit and its first administrator, and returns that administrator's invitation.
 * Run once by whoever holds the CloudBase credentials; refused once an administrator is bound.
 */
export async function bootstrapDistrict(d: Pick<Deps, 'store' | 'clock' | 'newId' | 'config'>, input: { name: string; phone: string; validHours?: number }) {
  const name = input.name.trim()
  const phone = input.phone.replace(/\s/g, '')
  if (!name || name.length > 20) return fail('VALIDATION', '请填写管理员姓名（最多 20 字）', { name: '姓名无效' })
  if (!PHONE.test(phone)) return fail('VALIDATION', `手机号格式错误：${phone}`, { phone: '手机号无效' })
  const { code: district, name: districtName } = d.config.district
  const units = await d.store.listUnits()
  if (!units.some((u) => u.code === district)) await d.store.putUnits([{ code: district, name: districtName, level: 'district', parentCode: null }])
  const admins = await d.store.listStaff([district], ['admin'])
  if (admins.some((a) => a.openid !== null)) return fail('FORBIDDEN', `${districtName}已有绑定微信的管理员，请由其在控制台邀请新的管理员`)
  const existing = admins.find((a) => a.phone === phone) ?? (await d.store.listUsers()).find((u) => u.phone === phone && u.grants.length === 0)
  const user = existing ?? { id: d.newId(), name, phone, openid: null, grants: [], createdAt: d.clock.now().toISOString() }
  if (!user.grants.some((g) => g.role === 'admin' && g.unitCode === district)) await d.store.putUser({ ...user, name, grants: [...user.grants, { role: 'admin', unitCode: district }] })
  return { ok: true as const, userId: user.id, district: districtName, ...(await issueInvitation(d, user.id, 'system', input.validHours)) }
}
