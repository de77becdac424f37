import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useRef, useState } from 'react'
import ConsentSheet from '../../../components/ConsentSheet'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import { PROXY_DECLARATION } from '../../../core/proxyMark'
import DisputeCard from '../../mediation/apply/DisputeCard'
import FactsCard from '../../mediation/apply/FactsCard'
import PartiesCard, { type ApplicantWords } from '../../mediation/apply/PartiesCard'
import { useMediationApply } from '../../mediation/apply/useMediationApply'
import WaysCard, { type Way } from '../../mediation/apply/WaysCard'
import { proxyFiling } from './filing'
import '../../../components/MediationKit/kit.css'
import '../../mediation/apply/index.css'
import './index.css'

const WORDS: ApplicantWords = { name: '当事人真实姓名', phone: '当事人手机号', phoneHint: '本人以后用这个手机号认领案件' }

const WAYS = [
  { code: 'online', title: '线上调解', text: '本人认领后在小程序里沟通，或由调解员电话联系' },
  { code: 'in_person', title: '到社区调解室', text: '约定时间到调解室面对面调解' },
] as const satisfies readonly Way[]

/**
 * 代办申请调解: a grid worker or 代办员 fills in the application of a person who is present, with
 * everything the person's own form asks, and declares the person is there and agrees. The person can
 * later claim the case with the phone given here (我的 → 认领代办事项).
 */
export default function ProxyApply() {
  const [declared, setDeclared] = useState(false)
  const declaredRef = useRef(declared)
  declaredRef.current = declared
  const filing = useMemo(() => proxyFiling(() => declaredRef.current), [])
  const s = useMediationApply(filing)
  const { options, loadError, errors, formError, submitting, loadOptions, submit } = s
  if (!options) return <LoadState error={loadError} errorId='jf-proxy-med-error' loadingId='jf-proxy-med-loading' onRetry={() => void loadOptions()} />

  return (
    <View className='jf-page jf-med-apply jf-proxy-med' id='jf-proxy-med'>
      <View className='jf-med-apply-intro jf-col'>
        <Text className='jf-med-apply-intro-title'>代当事人申请人民调解</Text>
        <Text className='jf-med-apply-intro-text'>当事人须在场，按本人的意思填写。提交后由调解中心受理；当事人以后用下面登记的手机号在「我的 → 认领代办事项」认领，案件即归本人。</Text>
      </View>

      <DisputeCard s={s} />

      <PartiesCard s={s} words={WORDS} />

      <FactsCard s={s} claimsLabel='当事人的请求' />

      <WaysCard s={s} ways={WAYS} />

      <View className='jf-card jf-proxy-med-declare' id='jf-proxy-declaration'>
        <Checkbox checked={declared} onChange={(v) => setDeclared(v)} label={PROXY_DECLARATION} />
        <FieldError field='declaration' message={declared ? undefined : errors.declaration} />
      </View>

      {formError && (
        <View className='jf-med-banner is-error' id='jf-med-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-med-apply-submit jf-col'>
        <Button id='jf-med-submit' type='primary' block size='large' loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交代办申请'}
        </Button>
        <Text className='jf-muted jf-med-apply-note'>当事人的姓名和电话加密保存；案件在本人认领前由您跟进，认领后归本人所有。</Text>
      </View>
      <ConsentSheet gate={s.consent} />
    </View>
  )
}
