/** 我的 answers for the mini-program checks, shaped like src/contracts/account.ts. */
import type { PrivacyView, ProfileView } from '../../src/contracts/account'

type Answer = (data: unknown) => unknown

export const PROFILE: ProfileView = {
  displayName: '小梅',
  nicknameSet: true,
  avatarUrl: null,
  phone: { masked: '138****8000', source: 'typed', sourceLabel: '手动填写' },
  noticeVersion: 1,
  consentNeeded: false,
  staff: false,
}

export const PRIVACY: PrivacyView = {
  notice: { version: 1, title: '用户隐私保护指引', paragraphs: ['街坊通收集您的昵称、头像和手机号，用于办理您提交的事项。'], effectiveLabel: '2026年12月1日' },
  consents: [{ title: '用户隐私保护指引', version: 1, atLabel: '2026年12月6日 14:05' }],
}

export function accountAnswers(): Record<string, Answer> {
  return {
    'account.profile': () => ({ ok: true, profile: PROFILE }),
    'account.privacy': () => ({ ok: true, privacy: PRIVACY }),
  }
}
