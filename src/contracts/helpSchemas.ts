import { z } from 'zod'
import { id, idempotencyKey, phone, point, staffPage, statusFilter, version } from './commonSchemas'
import { claimsText, disputeType, factsText, respondentList } from './mediationFieldSchemas'
import { HELP_NOTE_MAX, HELP_TEXT_MAX, PERSON_NAME_MAX, ROSTER_MAX, SHIFTS_MAX } from './limits'

/** Inputs of the `help` function, 一键求助 (types in help.ts). */

export const helpKind = z.enum(['neighbour_dispute', 'family', 'danger', 'other'], { errorMap: () => ({ message: '请选择遇到的情况' }) })

export const raiseHelp = z
  .object({
    idempotencyKey,
    kind: helpKind,
    /** A line of text; may be empty when a voice note says it. */
    text: z.string().trim().max(HELP_TEXT_MAX, `文字最多 ${HELP_TEXT_MAX} 个字`).optional(),
    /** A file id of the person's own audio upload (files.upload with an audio type). */
    voiceFileId: id.optional(),
    /** Where the person is now: the request goes to the community on duty there. */
    location: point,
  })
  .strict()

export const helpAct = z.object({ id, version: version.optional() }).strict()

export const closeHelp = z
  .object({ id, version: version.optional(), note: z.string().trim().min(1, '请填写处理结果').max(HELP_NOTE_MAX, `处理结果最多 ${HELP_NOTE_MAX} 个字`) })
  .strict()

const personName = z.string().trim().min(1, '请填写姓名').max(PERSON_NAME_MAX, `姓名最多 ${PERSON_NAME_MAX} 个字`)

/**
 * 代为求助: a grid worker or 代办员 asks for the person who is with them (named, with a phone to call
 * back), where they are or at a point picked on the map; the agent ticks the declaration.
 */
export const proxyRaiseHelp = raiseHelp
  .extend({
    proxy: z.object({ name: personName, phone }).strict(),
    declaration: z.literal(true, { errorMap: () => ({ message: '请勾选代办声明：本人确认当事人在场并同意代为申请' }) }),
  })
  .strict()

/**
 * Turning a request into a mediation case: the helper on the spot fills in what the application
 * needs; the person who asked is the applicant. `facts` defaults to the request's text.
 */
export const convertToMediation = z
  .object({
    disputeType,
    applicantName: personName,
    applicantPhone: phone,
    respondents: respondentList,
    facts: factsText,
    claims: claimsText,
  })
  .strict()

/** Turning a request into a 网格事件 of the grid where it was raised. */
export const convertToReport = z
  .object({
    /** A category code of the district's report categories (reports.categories). */
    category: z.string().min(1, '请选择事件类别').max(32),
    description: z.string().trim().min(5, '事件描述至少 5 个字').max(500, '事件描述最多 500 个字'),
  })
  .strict()

export const convertHelp = z
  .object({
    id,
    version: version.optional(),
    to: z.enum(['mediation', 'report'], { errorMap: () => ({ message: '请选择转为调解案件或网格事件' }) }),
    note: z.string().trim().max(HELP_NOTE_MAX, `说明最多 ${HELP_NOTE_MAX} 个字`).optional(),
    mediation: convertToMediation.optional(),
    report: convertToReport.optional(),
  })
  .strict()
  .refine((v) => (v.to === 'mediation' ? v.mediation !== undefined : v.report !== undefined), {
    message: '请填写转办所需的内容',
    path: ['to'],
  })

/** Staff queue: live requests of the caller's scope, urgent first. */
export const helpQueue = z.object({ statuses: statusFilter.optional() }).merge(staffPage).strict()

/** The console's poll: `since` is the `cursor` of the previous answer (help.ts). */
export const helpLive = z.object({ since: z.string().datetime({ message: '游标格式不正确' }).optional() }).strict()

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为“时:分”，如 08:30')

/** One shift: weekdays (1 = 周一 … 7 = 周日) and a Shanghai time range; `to` before `from` runs past midnight. */
export const shift = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1, '请选择值班日').max(7),
    from: clock,
    to: clock,
  })
  .strict()
  .refine((s) => s.from !== s.to, { message: '开始和结束时间不能相同', path: ['to'] })

/**
 * A duty roster table (CSV or .xlsx, one shift per row: 社区编码, 手机, 姓名, 值班日, 开始, 结束); the
 * communities it names get these rosters in place of theirs. All or nothing: a table with an error
 * row writes nothing.
 */
export const importRoster = z
  .object({
    fileName: z.string().trim().min(1).max(120),
    contentBase64: z.string().min(1, '请选择文件').max(2_900_000, '文件不能超过 2 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件编码不正确'),
    dryRun: z.boolean(),
  })
  .strict()

export const rosterOf = z.object({ communityCode: z.string().min(1, '请选择社区').max(32) }).strict()

export const saveRoster = z
  .object({
    communityCode: z.string().min(1, '请选择社区').max(32),
    entries: z
      .array(z.object({ userId: z.string().min(1).max(64), shifts: z.array(shift).min(1, '请至少填写一个班次').max(SHIFTS_MAX) }).strict())
      .max(ROSTER_MAX, `每个社区最多 ${ROSTER_MAX} 人值班`),
  })
  .strict()
