import { z } from 'zod'

/** Shapes of the events in src/contracts/api.ts, checked at the function boundary. */
export const empty = z.object({}).strict()

export const lng = z.number({ invalid_type_error: '经度必须是数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围')
export const lat = z.number({ invalid_type_error: '纬度必须是数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围')

export const point = z.object({ lng, lat }).strict()

export const id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确')

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键格式不正确')

export const imageType = z.enum(['image/jpeg', 'image/png', 'image/webp'], {
  errorMap: () => ({ message: '只支持 JPG、PNG、WebP 格式的照片' }),
})

export const submitReport = z
  .object({
    idempotencyKey,
    category: z.string().min(1, '请选择问题分类').max(16),
    description: z.string().trim().min(5, '问题描述至少 5 个字').max(500, '问题描述最多 500 个字'),
    photos: z.array(id).max(9, '最多上传 9 张照片'),
    location: z
      .object({ lng, lat, address: z.string().trim().min(1, '请填写地址').max(120, '地址最多 120 个字') })
      .strict(),
    anonymous: z.boolean(),
  })
  .strict()

export const page = z
  .object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() })
  .strict()

// base64 of 5 MB is about 6.7 MB of text; anything longer is refused before decoding.
export const uploadPhoto = z
  .object({ contentBase64: z.string().min(1).max(7_000_000, '照片不能超过 5 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '照片编码不正确'), contentType: imageType })
  .strict()

export const photoTicket = z.object({ contentType: imageType }).strict()

export const registerPhoto = z
  .object({ cloudFileId: z.string().regex(/^cloud:\/\/[\w.\-/]+$/, '云文件编号不正确').max(300), contentType: imageType, size: z.number().int().positive() })
  .strict()

export const version = z.number({ invalid_type_error: '版本号必须是数字' }).int().min(1)

const note = z.string().trim().min(1, '请填写说明').max(500, '说明最多 500 个字')

export const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或固定电话')

export const act = z
  .object({
    id,
    action: z.string().regex(/^[a-z_]{2,32}$/, '操作名称不正确'),
    version,
    note: note.optional(),
    attachments: z.array(id).max(9, '最多上传 9 张照片').optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    department: z.string().min(1).max(32).optional(),
    targetCaseId: id.optional(),
    rating: z.number().int().min(1).max(5).optional(),
    comment: z.string().trim().max(300, '评价最多 300 个字').optional(),
    noteVisibility: z.enum(['public', 'internal'], { errorMap: () => ({ message: '请选择公开回复或内部备注' }) }).optional(),
  })
  .strict()

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

export const queueFilter = z
  .object({
    statuses: z.array(z.string().regex(/^[a-z_]{2,32}$/)).max(10).optional(),
    category: z.string().max(16).optional(),
    gridCode: z.string().max(32).optional(),
    overdue: z.boolean().optional(),
    mine: z.boolean().optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()

export const queuePage = queueFilter.extend({ before: id.optional(), limit: z.number().int().min(1).max(100).optional() }).strict()

export const bulkAssign = z
  .object({ ids: z.array(id).min(1, '请选择事项').max(100, '一次最多分派 100 件'), assigneeId: z.string().min(1).max(64).optional(), department: z.string().min(1).max(32).optional() })
  .strict()

export const proxySubmit = submitReport.extend({ proxy: z.object({ name: z.string().trim().min(1, '请填写居民姓名').max(20), phone }).strict() }).strict()

export const duplicates = z.object({ category: z.string().min(1).max(16), lng, lat }).strict()

export const confirm = z.object({ id, version, rating: z.number().int().min(1, '请给出 1–5 星评价').max(5, '请给出 1–5 星评价'), comment: z.string().trim().max(300, '评价最多 300 个字').optional() }).strict()

export const reopen = z.object({ id, version, note: z.string().trim().min(2, '请填写重新打开的原因').max(500) }).strict()

export const inboxPage = z.object({ before: z.string().max(100).optional(), limit: z.number().int().min(1).max(100).optional() }).strict()

export const markRead = z.object({ ids: z.array(z.string().max(100)).max(200).optional(), all: z.boolean().optional() }).strict()

export const subscribe = z.object({ accepted: z.array(z.string().max(64)).max(10) }).strict()

const disputeType = z.enum(['neighbour', 'family', 'tenancy', 'labour', 'traffic', 'commerce', 'property', 'other'], { errorMap: () => ({ message: '请选择纠纷类型' }) })

export const applyMediation = z
  .object({
    idempotencyKey,
    disputeType,
    streetCode: z.string().min(1, '请选择受理的街道').max(32),
    applicantPhone: phone,
    respondents: z
      .array(z.object({ name: z.string().trim().min(1, '请填写对方姓名').max(20, '姓名最多 20 个字'), phone }).strict())
      .min(1, '请至少填写一位对方当事人')
      .max(5, '最多 5 位对方当事人'),
    facts: z.string().trim().min(10, '事实经过至少 10 个字').max(2000, '事实经过最多 2000 个字'),
    claims: z.string().trim().min(5, '请求事项至少 5 个字').max(1000, '请求事项最多 1000 个字'),
    evidence: z.array(id).max(9, '最多上传 9 份证据材料'),
    preferredWay: z.enum(['online', 'in_person'], { errorMap: () => ({ message: '请选择调解方式' }) }),
  })
  .strict()

export const invite = z.object({ invite: z.string().trim().min(10, '请输入邀请码').max(64, '邀请码格式不正确') }).strict()

export const mediationAct = z
  .object({
    id,
    action: z.string().regex(/^[a-z_]{2,32}$/, '操作名称不正确'),
    version,
    note: z.string().trim().min(1, '请填写说明').max(1000, '说明最多 1000 个字').optional(),
    mediatorId: z.string().min(1).max(64).optional(),
    session: z
      .object({
        at: z.string().datetime({ offset: true, message: '调解时间格式不正确' }),
        mode: z.enum(['online', 'in_person'], { errorMap: () => ({ message: '请选择线上或线下调解' }) }),
        place: z.string().trim().min(1, '请填写会议链接或调解室地点').max(200),
      })
      .strict()
      .optional(),
    sessionId: z.string().max(64).optional(),
    terms: z.array(z.string().trim().min(1, '协议条款不能为空').max(500, '每条最多 500 个字')).min(1, '请至少填写一条协议条款').max(30).optional(),
    agreementVersion: z.number().int().min(1).optional(),
    referral: z.enum(['court', 'arbitration', 'administrative', 'police'], { errorMap: () => ({ message: '请选择后续处理途径' }) }).optional(),
    rating: z.number().int().min(1, '请给出 1–5 星评价').max(5, '请给出 1–5 星评价').optional(),
    comment: z.string().trim().max(300, '评价最多 300 个字').optional(),
  })
  .strict()

export const sendMessage = z.object({ id, text: z.string().trim().min(1, '请输入消息内容').max(1000, '消息最多 1000 个字'), photos: z.array(id).max(9, '最多 9 张照片') }).strict()

export const mediationQueue = z
  .object({ statuses: z.array(z.string().regex(/^[a-z_]{2,32}$/)).max(10).optional(), disputeType: disputeType.optional(), mine: z.boolean().optional(), phone: phone.optional(), before: id.optional(), limit: z.number().int().min(1).max(100).optional() })
  .strict()

export const dateRange = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional() }).strict()

const gridCode = z.string().regex(/^\d{6,20}$/, '网格编号不正确')

export const findGrid = z.object({ lng: lng.optional(), lat: lat.optional(), q: z.string().trim().max(40, '搜索词最多 40 个字').optional() }).strict()

export const gridOnly = z.object({ code: gridCode }).strict()

export const joinGrid = z.object({ code: gridCode, building: z.string().trim().max(40, '楼栋房号最多 40 个字').optional() }).strict()

export const askGrid = z.object({ code: gridCode, idempotencyKey, question: z.string().trim().min(5, '问题至少 5 个字').max(500, '问题最多 500 个字') }).strict()

const teamRole = z.enum(['leader', 'full_time', 'party_leader', 'council', 'supervisor', 'police', 'volunteer'], { errorMap: () => ({ message: '请选择团队角色' }) })

export const saveBoard = z
  .object({
    code: gridCode,
    scope: z.string().trim().max(500, '网格范围最多 500 个字'),
    households: z.number().int().min(0).max(100_000),
    team: z.array(z.object({ role: teamRole, name: z.string().trim().min(1, '请填写姓名').max(20), phone: phone.nullable() }).strict()).max(60),
    services: z.array(z.string().trim().min(1).max(60)).max(30),
    officeHours: z.string().trim().max(100),
    joinPolicy: z.enum(['open', 'approval']),
  })
  .strict()

export const setQr = z.object({ code: gridCode, fileId: id }).strict()

export const gridMembers = z.object({ code: gridCode, status: z.enum(['requested', 'joined', 'refused', 'left']).optional() }).strict()

export const decideMember = z.object({ code: gridCode, userId: z.string().min(1).max(64), approve: z.boolean() }).strict()

export const publishAnnouncement = z
  .object({
    idempotencyKey,
    type: z.enum(['notice', 'activity', 'reminder', 'emergency'], { errorMap: () => ({ message: '请选择公告类型' }) }),
    title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
    body: z.string().trim().min(5, '内容至少 5 个字').max(2000, '内容最多 2000 个字'),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('grids'), codes: z.array(gridCode).min(1, '请选择网格').max(500) }).strict(),
      z.object({ kind: z.literal('community'), code: z.string().max(20) }).strict(),
      z.object({ kind: z.literal('street'), code: z.string().max(20) }).strict(),
    ]),
  })
  .strict()

export const announcementId = z.object({ id }).strict()

export const moderationQueue = z.object({ before: id.optional(), limit: z.number().int().min(1).max(50).optional() }).strict()

export const moderate = z
  .object({
    id,
    version,
    target: z.enum(['description', 'photo', 'report'], { errorMap: () => ({ message: '请选择审核描述、照片或整个事项' }) }),
    fileId: id.optional(),
    decision: z.enum(['publish', 'hide', 'redact', 'unhide'], { errorMap: () => ({ message: '请选择公开、隐藏、编辑或取消隐藏' }) }),
    text: z.string().trim().min(1, '请填写编辑后的描述').max(500, '描述最多 500 个字').optional(),
    reason: z.string().trim().max(200, '原因最多 200 个字').optional(),
  })
  .strict()
