import { z } from 'zod'
import { id, idempotencyKey, lat, lng, phone } from './commonSchemas'
import { textOrVoice } from './voiceSchemas'
import { BODY_MAX, BODY_MIN, BUILDING_MAX, SERVICES_MAX, TEAM_MAX, OFFICE_HOURS_MAX, PERSON_NAME_MAX, QUESTION_MAX, QUESTION_MIN, SCOPE_MAX, SEARCH_MAX, SERVICE_MAX, TITLE_MAX, TITLE_MIN } from './limits'

/** Inputs of the `grid` function (types in grid.ts). */

const gridCode = z.string().regex(/^\d{6,20}$/, '网格编号不正确')

export const findGrid = z.object({ lng: lng.optional(), lat: lat.optional(), q: z.string().trim().max(SEARCH_MAX, `搜索词最多 ${SEARCH_MAX} 个字`).optional() }).strict()

export const gridOnly = z.object({ code: gridCode }).strict()

export const joinGrid = z.object({ code: gridCode, building: z.string().trim().max(BUILDING_MAX, `楼栋房号最多 ${BUILDING_MAX} 个字`).optional() }).strict()

/** 找网格员: a question in words, or a voice note (the caller's own upload) with as few words as they like. */
export const askGrid = z
  .object({
    code: gridCode,
    idempotencyKey,
    question: z.string().trim().max(QUESTION_MAX, `问题最多 ${QUESTION_MAX} 个字`),
    voiceFileId: id.optional(),
  })
  .strict()
  .superRefine(textOrVoice<{ question: string; voiceFileId?: string }>('question', QUESTION_MIN, '请写下您的问题，或按住说话留一段语音', `问题至少 ${QUESTION_MIN} 个字`))

export const teamRole = z.enum(['leader', 'full_time', 'party_leader', 'council', 'supervisor', 'police', 'volunteer'], { errorMap: () => ({ message: '请选择团队角色' }) })

export const memberStatus = z.enum(['requested', 'joined', 'refused', 'left'])

export const saveBoard = z
  .object({
    code: gridCode,
    scope: z.string().trim().max(SCOPE_MAX, `网格范围最多 ${SCOPE_MAX} 个字`),
    households: z.number().int().min(0).max(100_000),
    team: z.array(z.object({ role: teamRole, name: z.string().trim().min(1, '请填写姓名').max(PERSON_NAME_MAX), phone: phone.nullable() }).strict()).max(TEAM_MAX),
    services: z.array(z.string().trim().min(1).max(SERVICE_MAX)).max(SERVICES_MAX),
    officeHours: z.string().trim().max(OFFICE_HOURS_MAX),
    joinPolicy: z.enum(['open', 'approval'], { errorMap: () => ({ message: '请选择入群方式' }) }),
  })
  .strict()

/** The group QR image (files.upload id). */
export const setQr = z.object({ code: gridCode, fileId: id }).strict()

export const gridMembers = z.object({ code: gridCode, status: memberStatus.optional() }).strict()

export const decideMember = z.object({ code: gridCode, userId: z.string().min(1).max(64), approve: z.boolean() }).strict()

export const announcementType = z.enum(['notice', 'activity', 'reminder', 'emergency'], { errorMap: () => ({ message: '请选择公告类型' }) })

export const publishAnnouncement = z
  .object({
    idempotencyKey,
    type: announcementType,
    title: z.string().trim().min(TITLE_MIN, `标题至少 ${TITLE_MIN} 个字`).max(TITLE_MAX, `标题最多 ${TITLE_MAX} 个字`),
    body: z.string().trim().min(BODY_MIN, `内容至少 ${BODY_MIN} 个字`).max(BODY_MAX, `内容最多 ${BODY_MAX} 个字`),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('grids'), codes: z.array(gridCode).min(1, '请选择网格').max(500) }).strict(),
      z.object({ kind: z.literal('community'), code: z.string().max(20) }).strict(),
      z.object({ kind: z.literal('street'), code: z.string().max(20) }).strict(),
    ]),
  })
  .strict()

export const published = z.object({ before: id.optional() }).strict()

export const overview = z.object({ street: z.string().max(20).optional() }).strict()
