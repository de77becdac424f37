import { WechatContentSecurity } from '../adapters/wechat/contentSecurity'
import { WechatMiniCodes, wxaEnvVersion } from '../adapters/wechat/wxaCode'
import { WechatPhoneNumbers } from '../adapters/wechat/phoneNumber'
import type { WechatParts } from '../runtime'

/**
 * What a function entry hands to provideWechat (backend/runtime.ts) for the WeChat adapters its
 * actions use; a bundle that names none of these carries none of them.
 */

/** 小程序码 of a page (shareCode: mediation invitations, grid, building and admin codes). */
export const miniCodes = (wx: never): WechatParts => ({ miniCodes: new WechatMiniCodes(wx, wxaEnvVersion(process.env)) })

/** The phone button's exchange (account.setPhone). */
export const phoneNumbers = (wx: never): WechatParts => ({ phoneNumbers: new WechatPhoneNumbers(wx) })

/** WeChat content security of public text and photos (report moderation, account.update). */
export const contentSecurity = (wx: never): WechatParts => ({ contentSecurity: new WechatContentSecurity(wx) })
