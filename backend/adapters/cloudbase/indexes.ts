/**
 * Collections and indexes the CloudBase store's queries need: the same query shapes the
 * SQLite migrations index. cloudbaserc.json carries the same list for
 * @cloudbase/framework-plugin-database (`tcb framework deploy`); a test keeps the two equal.
 * Every query of queries.ts must be served by one of them (queryPlan.ts; deploy:check, the fake).
 *
 * Not unique on purpose: `jf_users.openid` and `jf_users.webUid`. CloudBase indexes a missing or null field as a
 * value, so a unique index would allow only one user without an OPENID (staff created by an
 * admin); `Store.putUser` callers and the invitation redeem keep them unique instead.
 */
import { COLLECTIONS, DEFAULT_PREFIX, type CollectionKey } from './db'

export interface IndexKey {
  name: string
  /** As the CloudBase index API spells it. */
  direction: '1' | '-1'
}

export interface IndexSpec {
  name: string
  unique: boolean
  keys: IndexKey[]
}

export interface CollectionSpec {
  collectionName: string
  description: string
  /** Only cloud functions (admin) touch the data; the mini-program goes through them. */
  aclTag: 'ADMINONLY'
  createIndexes: IndexSpec[]
}

const asc = (name: string): IndexKey => ({ name, direction: '1' })
const desc = (name: string): IndexKey => ({ name, direction: '-1' })

const INDEXES: Record<CollectionKey, { description: string; indexes: IndexSpec[] }> = {
  cases: {
    description: '事项 cases (一本账)',
    indexes: [
      // "My cases": creator's list, newest first.
      { name: 'by_creator', unique: false, keys: [asc('creatorId'), desc('_id')] },
      // Grid worker / street queues ordered by deadline.
      { name: 'by_grid_status_sla', unique: false, keys: [asc('gridCode'), asc('status'), asc('slaDeadline')] },
      { name: 'by_unit_status_sla', unique: false, keys: [asc('unitCode'), asc('status'), asc('slaDeadline')] },
      // Whole streets' queues by the street key (SQLite's cases_queue_by_street).
      { name: 'by_street_status_sla', unique: false, keys: [asc('streetCode'), asc('status'), asc('slaDeadline'), asc('_id')] },
      // "Assigned to me".
      { name: 'by_assignee_status', unique: false, keys: [asc('assigneeId'), asc('status')] },
      // A retried create finds the first; a second insert with the same key fails.
      { name: 'by_creator_idempotency', unique: true, keys: [asc('creatorId'), asc('idempotencyKey')] },
      // The SLA timers' walk of cases past their deadline, nearest first (SQLite's cases_by_sla).
      { name: 'by_sla', unique: false, keys: [asc('slaDeadline'), asc('_id')] },
      // The report timer's resolved cases created before the confirmation window (cases_by_created).
      { name: 'by_created', unique: false, keys: [asc('createdAt')] },
      // A department's queue ordered by deadline (cases_by_department).
      { name: 'by_department', unique: false, keys: [asc('payload.department'), asc('status'), asc('slaDeadline')] },
      // A mediator's queue: their committee's cases per status by deadline (cases_queue_by_committee).
      { name: 'by_committee', unique: false, keys: [asc('payload.committee'), asc('status'), asc('slaDeadline'), asc('_id')] },
      // A case by its number (京溪-2026-00042), the desk's search. Not unique: cases stored before numbers have none (null) until numbered.
      { name: 'by_number', unique: false, keys: [asc('number')] },
    ],
  },
  timeline: {
    description: '事项时间线 (append-only)',
    indexes: [{ name: 'by_case_seq', unique: false, keys: [asc('caseId'), asc('seq')] }],
  },
  users: {
    description: '用户与角色授权',
    indexes: [
      { name: 'by_openid', unique: false, keys: [asc('openid')] },
      { name: 'by_web_uid', unique: false, keys: [asc('webUid')] },
      { name: 'by_grant', unique: false, keys: [asc('grantKeys')] },
    ],
  },
  units: { description: '组织架构 (市/区/街道/社区/网格)', indexes: [] },
  files: { description: '照片元数据', indexes: [] },
  outbox: {
    description: '待发送通知 (outbox)',
    indexes: [
      { name: 'due', unique: false, keys: [asc('deliveredAt'), asc('nextAttemptAt')] },
      // dueMessages walks undelivered messages oldest first.
      { name: 'undelivered_in_order', unique: false, keys: [asc('deliveredAt'), asc('createdAt'), asc('seq')] },
      // Dead letters for the administrator, newest first (SQLite's outbox_dead).
      { name: 'dead', unique: false, keys: [desc('deadAt')] },
    ],
  },
  idempotency: { description: '幂等键占用 (creatorId, key); 公告的 (authorId, key)', indexes: [] },
  inbox: {
    description: '站内信',
    indexes: [
      // A user's list, newest first, and the unread count.
      { name: 'by_user_created', unique: false, keys: [asc('userId'), desc('createdAt'), desc('_id')] },
      { name: 'by_user_read', unique: false, keys: [asc('userId'), asc('readAt')] },
    ],
  },
  follows: {
    description: '事项关注',
    indexes: [
      { name: 'by_case', unique: false, keys: [asc('caseId'), asc('at')] },
      { name: 'by_user', unique: false, keys: [asc('userId'), desc('at')] },
    ],
  },
  subscribe_quota: {
    description: '订阅消息授权次数 (userId, templateId)',
    // A person's consents, for their export and their account deletion.
    indexes: [{ name: 'by_user', unique: false, keys: [asc('userId'), asc('templateId')] }],
  },
  messages: {
    description: '调解沟通记录 (append-only)',
    indexes: [{ name: 'by_case', unique: false, keys: [asc('caseId'), asc('_id')] }],
  },
  boards: { description: '网格信息公示牌 (_id = 网格编码)', indexes: [] },
  memberships: {
    description: '网格服务群成员 (gridCode, userId)',
    indexes: [
      // A grid's requests / roster, oldest request first, and roster counts over grids.
      { name: 'by_grid_status_requested', unique: false, keys: [asc('gridCode'), asc('status'), asc('requestedAt')] },
      // "My groups".
      { name: 'by_user', unique: false, keys: [asc('userId'), asc('requestedAt')] },
    ],
  },
  announcements: {
    description: '网格公告 (一条公告一份, 不按成员复制)',
    indexes: [
      // "Published by me", newest first.
      { name: 'by_author', unique: false, keys: [asc('authorId'), desc('_id')] },
      // Backs the jf_idempotency claim: a second announcement with one (author, key) cannot be inserted.
      { name: 'by_author_idempotency', unique: true, keys: [asc('authorId'), asc('idempotencyKey')] },
    ],
  },
  announcement_targets: {
    description: '公告送达的网格 (每个 (网格, 公告) 一条)',
    indexes: [
      // Newest announcements of a set of grids, with and without the type filter.
      { name: 'by_grid', unique: false, keys: [asc('gridCode'), desc('announcementId')] },
      { name: 'by_grid_type', unique: false, keys: [asc('gridCode'), asc('type'), desc('announcementId')] },
      // A retried publish counts the targets already written.
      { name: 'by_announcement', unique: false, keys: [asc('announcementId')] },
    ],
  },
  announcement_reads: {
    description: '公告已读 (announcementId, userId), 首次阅读时间',
    indexes: [
      // Who read an announcement, in read order.
      { name: 'by_announcement_read', unique: false, keys: [asc('announcementId'), asc('readAt')] },
      // Which of a page of announcements this user has read.
      { name: 'by_user_announcement', unique: false, keys: [asc('userId'), asc('announcementId')] },
    ],
  },
  invitations: {
    description: '工作人员邀请码 (只存哈希, 一次性, 有效期)',
    indexes: [
      // Redeeming finds the invitation by its code's hash; one hash, one invitation.
      { name: 'by_code_hash', unique: true, keys: [asc('codeHash')] },
      // A staff member's invitations, newest first.
      { name: 'by_user', unique: false, keys: [asc('userId'), desc('_id')] },
    ],
  },
  config_versions: {
    description: '区级配置版本 (谁、何时、改了什么); _id 即版本号',
    indexes: [],
  },
  buildings: {
    description: '出租屋楼栋 (楼栋长, 二维码 code)',
    indexes: [
      { name: 'by_code', unique: true, keys: [asc('code')] },
      { name: 'by_manager', unique: false, keys: [asc('managerId'), asc('_id')] },
      { name: 'by_grid', unique: false, keys: [asc('gridCode'), asc('_id')] },
    ],
  },
  fire_inspections: {
    description: '消防安全巡查记录',
    indexes: [{ name: 'by_building', unique: false, keys: [asc('buildingId'), desc('_id')] }],
  },
  registration_secrets: {
    description: '实名登记密文 (AES-256-GCM) 与证件号 HMAC (_id = 登记编号)',
    indexes: [{ name: 'by_doc_hmac', unique: false, keys: [asc('docHmac')] }],
  },
  audit_log: {
    description: '个人信息查看与导出审计 (append-only)',
    indexes: [{ name: 'by_unit', unique: false, keys: [asc('unitCode'), desc('_id')] }],
  },
  // Read and written by _id only (one document per identity and action).
  rate_counters: { description: '创建频率计数 (每个身份每个操作一条, 当前时间窗)', indexes: [] },
  // Read and written by _id only (the hash of the sequence's key), inside the create's transaction.
  counters: { description: '编号序列 (街道每年事项编号, 调委会每年协议编号; _id = 序列名哈希)', indexes: [] },
  // Read and written by _id only (the hash of the ticket's path).
  upload_tickets: { description: '照片直传凭证 (_id = 路径哈希, 上传者, 有效期, 使用时间)', indexes: [] },
  duty_rosters: { description: '一键求助值班表 (_id = 社区编码)', indexes: [] },
  integration_partners: {
    description: '对接系统 (Open311 密钥只存哈希, 12345 平台密钥加密)',
    indexes: [
      // An Open311 call finds its partner by the key's hash. Not unique: a 12345 platform has no
      // key (null), and CloudBase would let only one null in; keys are random, so hashes never meet.
      { name: 'by_key_hash', unique: false, keys: [asc('keyHash')] },
      // The admin's lists, newest first: of one kind, and all.
      { name: 'by_kind_created', unique: false, keys: [asc('kind'), desc('createdAt'), desc('_id')] },
      { name: 'by_created', unique: false, keys: [desc('createdAt'), desc('_id')] },
    ],
  },
  webhook_subscriptions: {
    description: '事项事件订阅 (地址, 加密的密钥, 订阅的事件)',
    indexes: [{ name: 'by_created', unique: false, keys: [desc('createdAt'), desc('_id')] }],
  },
  webhook_deliveries: {
    description: '对外推送记录 (每次尝试一条)',
    // A target's attempts, newest first, paged by (at, _id).
    indexes: [{ name: 'by_target_at', unique: false, keys: [asc('target'), desc('at'), desc('_id')] }],
  },
}

export function collectionSpecs(prefix = DEFAULT_PREFIX): CollectionSpec[] {
  return COLLECTIONS.map((key) => ({
    collectionName: `${prefix}${key}`,
    description: INDEXES[key].description,
    aclTag: 'ADMINONLY',
    createIndexes: INDEXES[key].indexes,
  }))
}
