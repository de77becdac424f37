import { z } from 'zod'
import { empty, id, phone } from './commonSchemas'
import { NICKNAME_MAX } from './limits'

/**
 * 我的: a person's own profile and their rights over the data we hold (查阅与导出、更正、注销).
 * Every action acts on the caller only: no input names another person.
 */
export const profile = empty

/** Control characters and direction overrides would break or disguise a name in rosters and read receipts. */
const HIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u
/** Something to see: not only spaces and zero-width characters. */
const VISIBLE = /[^\s\p{Cf}]/u

const nickname = z
  .string()
  .trim()
  .min(1, '请填写昵称')
  .max(NICKNAME_MAX, `昵称最多 ${NICKNAME_MAX} 个字`)
  .refine((s) => !HIDDEN.test(s), '昵称不能包含换行或控制字符')
  .refine((s) => VISIBLE.test(s), '请填写昵称')

/** The 头像昵称填写 result: either field may come alone; `avatar: null` removes the picture. */
export const updateProfile = z
  .object({
    nickname: nickname.optional(),
    /** A file id from files.upload (the caller's own upload), or null to remove the avatar. */
    avatar: id.nullable().optional(),
  })
  .strict()
  .refine((v) => v.nickname !== undefined || v.avatar !== undefined, { message: '没有要修改的内容' })

/**
 * The phone: `code` from `<Button openType="getPhoneNumber">` (exchanged in the function through
 * the getuserphonenumber open API), or a typed number where the appid cannot use the button.
 */
export const setPhone = z.union([
  z.object({ code: z.string().trim().min(8, '手机号授权已失效，请重试').max(128, '手机号授权已失效，请重试') }).strict(),
  z.object({ phone }).strict(),
])

export const removePhone = empty

/** Agreeing to the privacy notice (用户隐私保护指引) at the version the person read. */
export const consent = z.object({ version: z.number().int().min(1) }).strict()

export const privacy = empty

export const exportData = empty

/** 注销账号: the person types 注销 to confirm. */
export const deleteAccount = z.object({ confirm: z.literal('注销', { errorMap: () => ({ message: '请输入“注销”确认' }) }) }).strict()
