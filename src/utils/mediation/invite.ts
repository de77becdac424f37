/** Invitation codes, as they are forwarded between parties. */

/** Codes are forwarded through chat apps: drop the spaces and line breaks that come along. */
export function cleanInviteCode(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '')
}

/**
 * The code the join page was opened with: `?invite=` (a 转发 card or link) or a 小程序码's `scene`
 * (the code alone, URL-encoded by WeChat).
 */
export function inviteFromParams(params: Record<string, string | undefined>): string {
  const raw = params.invite ?? params.scene
  if (!raw) return ''
  try {
    return cleanInviteCode(decodeURIComponent(raw))
  } catch {
    return cleanInviteCode(raw)
  }
}

/** The text the applicant forwards to the other party with 复制邀请码. */
export function inviteMessage(name: string, code: string): string {
  return `${name}您好，我在「街坊通」申请了人民调解，邀请您一起参加。请打开街坊通小程序，进入「在线调解」→「输入邀请码」，填写邀请码：${code}。邀请只对我为您填写的手机号开放，请先在「我的」里设置该手机号。`
}
