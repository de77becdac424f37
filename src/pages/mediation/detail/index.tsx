import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro'
import MediationCase from '../../../components/MediationCase'
import { inviteShare } from '../../../utils/share'

/** A party's view of their mediation case (applicant or respondent). */
export default function MediationDetail() {
  // Only an invitation's own 转发 button shares (its card opens joining); the case itself is not
  // forwarded from the menu.
  useDidShow(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.hideShareMenu({}).catch(() => undefined)
  })
  useShareAppMessage((res) => inviteShare(res.from === 'button' ? (res.target as { dataset?: { code?: string } } | undefined)?.dataset?.code : undefined))
  return <MediationCase audience='party' />
}
