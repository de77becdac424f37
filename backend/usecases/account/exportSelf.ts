/**
 * The person part of an export: the account and profile, the consents to the privacy notice, grid
 * group memberships, the inbox and the subscribe-message consents.
 */
import type { ExportRecord, ExportSection } from '../../../src/contracts/account'
import type { OrgTree } from '../../../src/core/org'
import { ROLE_LABELS } from '../../../src/core/roles'
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from '../../config/subscribeTemplates'
import type { Deps } from '../../deps'
import type { User } from '../../ports'
import { MEMBERSHIP_LABELS } from '../grid/rules'
import { currentNotice } from './consents'
import { record, section, timeText } from './exportRecord'
import { ownPhone } from './ownPhone'
import { profileOf } from './self'

/** The inbox is exported up to this many items, newest first; the section says so when there were more. */
export const INBOX_EXPORT_MAX = 2000

const PHONE_SOURCES = { wechat: '微信手机号', typed: '手动填写' } as const

export function profileSection(d: Deps, tree: OrgTree, u: User): ExportSection {
  const p = profileOf(u)
  const phone = ownPhone(d, u)
  const roles = u.grants.map((g) => `${ROLE_LABELS[g.role]}（${tree.get(g.unitCode)?.name ?? '本区'}）`).join('、')
  const account = record('账号', [
    ['昵称', p.nicknameSet ? u.name : '未设置（显示为“微信用户”）'],
    ['头像', p.avatarFileId ? '已设置' : '未设置'],
    ['手机号', phone ?? '未设置'],
    ['手机号来源', phone ? PHONE_SOURCES[p.phoneSource ?? 'typed'] : null],
    ['登录方式', u.openid ? '微信' : null],
    ['身份', roles],
    ['注册时间', timeText(u.createdAt)],
  ])
  return section('个人资料', [account])
}

export function consentSection(d: Deps, u: User): ExportSection {
  const title = currentNotice(d).title
  const records = [...profileOf(u).consents]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((c) => record(`${title}（第 ${c.version} 版）`, [['同意时间', timeText(c.at)]]))
  return section('隐私保护指引同意记录', records)
}

export async function gridSection(d: Deps, tree: OrgTree, userId: string): Promise<ExportSection> {
  const records = (await d.store.membershipsOf(userId)).map((m) =>
    record(tree.get(m.gridCode)?.name ?? '网格群', [
      ['状态', MEMBERSHIP_LABELS[m.status]],
      ['填写的住址', m.building],
      ['申请时间', timeText(m.requestedAt)],
      ['处理时间', timeText(m.decidedAt)],
    ]),
  )
  return section('我的网格群', records)
}

export async function inboxSection(d: Deps, userId: string): Promise<ExportSection> {
  const records: ExportRecord[] = []
  let before: string | undefined
  let more = false
  for (;;) {
    const page = await d.store.listInbox(userId, { before, limit: 100 })
    for (const i of page) {
      if (records.length === INBOX_EXPORT_MAX) {
        more = true
        break
      }
      records.push(record(i.title, [['内容', i.body], ['时间', timeText(i.createdAt)], ['状态', i.readAt ? '已读' : '未读']]))
    }
    if (more || page.length < 100) break
    before = page[page.length - 1]!.id
  }
  return section('站内消息', records, more ? `消息较多，此处为最近的 ${INBOX_EXPORT_MAX} 条。` : undefined)
}

export async function subscriptionSection(d: Deps, userId: string): Promise<ExportSection> {
  const templates = d.config.subscribeTemplates
  const labelOf = (id: string) => NOTICE_KINDS.filter((k) => templates[k]?.id === id).map((k) => NOTICE_KIND_LABELS[k]).join('、') || '微信订阅消息'
  const records = (await d.store.subscribeQuotas(userId)).map((q) => record(labelOf(q.templateId), [['剩余可发送次数', q.remaining]]))
  return section('微信订阅消息授权', records, '每次同意接收，可向您发送一条对应的微信通知。')
}
