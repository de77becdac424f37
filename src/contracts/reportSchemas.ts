import { z } from 'zod'
import { actionName, day, id, idempotencyKey, lat, lng, noteVisibility, phone, staffPage, statusFilter, version } from './commonSchemas'
import { textOrVoice } from './voiceSchemas'
import { FOLLOW_UP_SATISFACTIONS } from '../core/kinds/reportTerms'
import { ADDRESS_MAX, BULK_ASSIGN_MAX, CASE_NOTE_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS, PERSON_NAME_MAX, RATING_COMMENT_MAX, REASON_MAX } from './limits'

/** Inputs of the `reports` and `cases` functions (types in report.ts). */

export const location = z
  .object({ lng, lat, address: z.string().trim().min(1, '请填写地址').max(ADDRESS_MAX, `地址最多 ${ADDRESS_MAX} 个字`) })
  .strict()

const describedReport = textOrVoice<{ description: string; voiceFileId?: string }>('description', DESCRIPTION_MIN, '请写下问题描述，或按住说话留一段语音', `问题描述至少 ${DESCRIPTION_MIN} 个字`)

const reportFields = z
  .object({
    idempotencyKey,
    category: z.string().min(1, '请选择问题分类').max(16),
    /** May be empty when a voice note describes it (textOrVoice). */
    description: z.string().trim().max(DESCRIPTION_MAX, `问题描述最多 ${DESCRIPTION_MAX} 个字`),
    /** 语音描述: a voice note the caller uploaded (files.uploadVoice). */
    voiceFileId: id.optional(),
    photos: z.array(id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`),
    location,
    anonymous: z.boolean(),
    /** 联系电话 (选填): typed on the form; staff see it on the case, sealed at rest. */
    contactPhone: phone.optional(),
    /** Use the phone saved in 我的 instead (the form only ever holds its mask). */
    contactFromProfile: z.boolean().optional(),
  })
  .strict()

export const submitReport = reportFields.superRefine(describedReport)

/** 代办: the resident's own phone is asked in `proxy`, never a contact phone of the grid worker's. */
export const proxySubmit = reportFields
  .omit({ contactPhone: true, contactFromProfile: true })
  .extend({ proxy: z.object({ name: z.string().trim().min(1, '请填写居民姓名').max(PERSON_NAME_MAX), phone }).strict() })
  .strict()
  .superRefine(describedReport)

export const gridMap = z.object({ lng: lng.optional(), lat: lat.optional() }).strict()

export const duplicates = z.object({ category: z.string().min(1).max(16), lng, lat }).strict()

const rating = z.number().int().min(1, '请给出 1–5 星评价').max(5, '请给出 1–5 星评价')
const ratingComment = z.string().trim().max(RATING_COMMENT_MAX, `评价最多 ${RATING_COMMENT_MAX} 个字`)

export const confirm = z.object({ id, version, rating, comment: ratingComment.optional() }).strict()

export const reopen = z.object({ id, version, note: z.string().trim().min(2, '请填写重新打开的原因').max(CASE_NOTE_MAX) }).strict()

export const act = z
  .object({
    id,
    action: actionName,
    version,
    note: z.string().trim().min(1, '请填写说明').max(CASE_NOTE_MAX, `说明最多 ${CASE_NOTE_MAX} 个字`).optional(),
    attachments: z.array(id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    department: z.string().min(1).max(32).optional(),
    targetCaseId: id.optional(),
    rating: z.number().int().min(1).max(5).optional(),
    comment: ratingComment.optional(),
    /** 回访结果 of a 12345 order (follow_up). */
    satisfaction: z.enum(FOLLOW_UP_SATISFACTIONS, { errorMap: () => ({ message: '请选择回访结果' }) }).optional(),
    noteVisibility: noteVisibility.optional(),
  })
  .strict()

export const queueFilter = z
  .object({
    statuses: statusFilter.optional(),
    category: z.string().max(16).optional(),
    gridCode: z.string().max(32).optional(),
    overdue: z.boolean().optional(),
    /** Only cases assigned to me. */
    mine: z.boolean().optional(),
    /** A case number as people say it (京溪-2026-00042): the desk's search. */
    number: z.string().trim().min(1, '请输入事项编号').max(32, '事项编号最多 32 个字').optional(),
    /** Inclusive day range in Asia/Shanghai. */
    from: day.optional(),
    to: day.optional(),
  })
  .strict()

export const queuePage = queueFilter.merge(staffPage).strict()

export const bulkAssign = z
  .object({
    ids: z.array(id).min(1, '请选择事项').max(BULK_ASSIGN_MAX, `一次最多分派 ${BULK_ASSIGN_MAX} 件`),
    assigneeId: z.string().min(1).max(64).optional(),
    department: z.string().min(1).max(32).optional(),
  })
  .strict()

export const moderate = z
  .object({
    id,
    version,
    target: z.enum(['description', 'photo', 'report'], { errorMap: () => ({ message: '请选择审核描述、照片或整个事项' }) }),
    fileId: id.optional(),
    decision: z.enum(['publish', 'hide', 'redact', 'unhide'], { errorMap: () => ({ message: '请选择公开、隐藏、编辑或取消隐藏' }) }),
    text: z.string().trim().min(1, '请填写编辑后的描述').max(CASE_NOTE_MAX, `描述最多 ${CASE_NOTE_MAX} 个字`).optional(),
    reason: z.string().trim().max(REASON_MAX, `原因最多 ${REASON_MAX} 个字`).optional(),
  })
  .strict()
