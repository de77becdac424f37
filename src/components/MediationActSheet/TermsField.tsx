import { Text, View } from '@tarojs/components'
import { MAX_TERMS, TERM_MAX, agreementPreview, chineseNumber } from '../../utils/mediation/agreement'
import FieldError from '../FieldError'
import TextBox from '../TextBox'
import FieldLabel from './FieldLabel'
import type { FieldProps } from './fieldProps'
import { a11y } from '../../utils/a11y'

/** 起草协议: the terms one by one, with the 协议书 as the parties will read it. */
export default function TermsField({ c, field, form, errors, set }: FieldProps) {
  const terms = form.terms
  const setTerm = (i: number, v: string) => set('terms', terms.map((t, j) => (j === i ? v : t)))
  return (
    <View className='jf-med-field'>
      <FieldLabel field={field} />
      <View id='jf-med-terms'>
        {terms.map((t, i) => (
          <View key={i} className='jf-term' data-index={i}>
            <Text className='jf-term-no'>{chineseNumber(i + 1)}、</Text>
            <TextBox
              className='jf-term-text'
              value={t}
              onChange={(v) => setTerm(i, v)}
              placeholder={i === 0 ? '如：被申请人于 2026 年 12 月 31 日前向申请人支付修复费用 3000 元' : '协议条款'}
              maxLength={TERM_MAX}
              rows={2}
            />
            {terms.length > 1 && (
              <View className='jf-term-remove' data-index={i} {...a11y('button', { label: `删除第 ${i + 1} 条` })} onClick={() => set('terms', terms.filter((_, j) => j !== i))}>
                <Text>删除</Text>
              </View>
            )}
          </View>
        ))}
      </View>
      {terms.length < MAX_TERMS && (
        <View className='jf-term-add' id='jf-med-term-add' {...a11y('button', { label: '添加一条' })} onClick={() => set('terms', [...terms, ''])}>
          <Text>＋ 添加一条</Text>
        </View>
      )}
      <FieldError field='terms' message={errors.terms} />
      <Text className='jf-med-label'>协议书预览</Text>
      <Text className='jf-med-preview jf-prose' id='jf-med-agreement-preview'>
        {agreementPreview(c, terms)}
      </Text>
    </View>
  )
}
