import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import { cleanInviteCode } from '../../../utils/mediation/invite'
import type { ApiMap } from '../../../contracts/api'
import { formatFull } from '../../../core/time'
import '../../../components/MediationKit/kit.css'
import './index.css'

type Summary = ApiMap['mediation.invitation']['out']['summary']

/**
 * The other party's way in: an invitation code (typed, or ?invite= from a shared link) shows the
 * application summary only; 加入调解 makes them a party of the case.
 */
export default function JoinMediation() {
  const { params } = useRouter()
  const fromLink = params.invite ? cleanInviteCode(decodeURIComponent(params.invite)) : ''
  const [code, setCode] = useState(fromLink)
  const [looked, setLooked] = useState('')
  const [summary, setSummary] = useState<Summary | null>(null)
  const [error, setError] = useState('')
  const [looking, setLooking] = useState(false)
  const [joining, setJoining] = useState(false)

  const lookup = async (raw: string) => {
    const invite = cleanInviteCode(raw)
    if (!invite) {
      setError('请输入邀请码')
      return
    }
    setLooking(true)
    setError('')
    const r = await api.call('mediation.invitation', { invite })
    setLooking(false)
    if (!r.ok) {
      setSummary(null)
      setError(r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)
      return
    }
    setLooked(invite)
    setSummary(r.summary)
  }

  useEffect(() => {
    if (fromLink) void lookup(fromLink)
    // Only the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromLink])

  const join = async () => {
    if (joining || !looked) return
    setJoining(true)
    setError('')
    const r = await api.call('mediation.join', { invite: looked })
    setJoining(false)
    if (!r.ok) {
      const msg = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
      setError(msg)
      void Taro.showToast({ title: msg, icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已加入调解', icon: 'success', duration: 1000 })
    setTimeout(() => void Taro.redirectTo({ url: `/pages/mediation/detail/index?id=${encodeURIComponent(r.case.id)}` }), 700)
  }

  return (
    <View className='jf-page jf-medj' id='jf-med-join-page'>
      <View className='jf-card jf-medj-card'>
        <Text className='jf-section-title'>输入邀请码</Text>
        <Text className='jf-muted jf-medj-help'>邀请码由申请调解的一方发给您，也可以请调解员告知</Text>
        <View className='jf-medj-row'>
          <View id='jf-med-invite' className='jf-medj-input'>
            <Input
              value={code}
              onChange={(v) => {
                setCode(v)
                if (error) setError('')
              }}
              placeholder='请输入邀请码'
              maxLength={40}
            />
          </View>
          <Button id='jf-med-invite-lookup' type='primary' loading={looking} onClick={() => void lookup(code)}>
            查看
          </Button>
        </View>
        <FieldError field='invite' message={error} />
      </View>

      {summary && (
        <View className='jf-card jf-medj-summary' id='jf-med-invite-summary' data-invite={looked}>
          <View className='jf-medj-summary-head'>
            <Text className='jf-medj-title'>{summary.applicantName} 邀请您参加调解</Text>
            <Text className='jf-medj-status'>{summary.statusLabel}</Text>
          </View>
          <View className='jf-medj-facts'>
            <View className='jf-medj-line'>
              <Text className='jf-medj-key'>纠纷类型</Text>
              <Text className='jf-medj-val' id='jf-med-invite-type'>
                {summary.disputeTypeLabel}
              </Text>
            </View>
            <View className='jf-medj-line'>
              <Text className='jf-medj-key'>申请人</Text>
              <Text className='jf-medj-val'>{summary.applicantName}</Text>
            </View>
            <View className='jf-medj-line'>
              <Text className='jf-medj-key'>受理街道</Text>
              <Text className='jf-medj-val'>{summary.streetName}</Text>
            </View>
            <View className='jf-medj-line'>
              <Text className='jf-medj-key'>申请时间</Text>
              <Text className='jf-medj-val'>{formatFull(summary.createdAt)}</Text>
            </View>
          </View>
          <Text className='jf-medj-sub'>事实经过</Text>
          <Text className='jf-medj-para' id='jf-med-invite-facts'>
            {summary.facts}
          </Text>
          <Text className='jf-medj-sub'>申请人的请求</Text>
          <Text className='jf-medj-para' id='jf-med-invite-claims'>
            {summary.claims}
          </Text>
          <Text className='jf-medj-note'>
            人民调解遵循自愿原则，不收取费用。加入后您可以查看调解进展、与调解员沟通，并选择是否同意调解。
          </Text>
          <View className='jf-medj-action'>
            <Button id='jf-med-join' type='primary' block size='large' loading={joining} onClick={() => void join()}>
              加入调解
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
