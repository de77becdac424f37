import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadState from '../../../../components/LoadState'
import { auditReasonError, reasonError } from '../../../../utils/rental/police'
import RentalReasonSheet from '../../../../components/RentalReasonSheet'
import TextBox from '../../../../components/TextBox'
import DisputesCard from './DisputesCard'
import ReferredCard from './ReferredCard'
import RegistrationsCard from './RegistrationsCard'
import RevealedPopup from './RevealedPopup'
import { FILTERS, usePoliceArea, type Sheet } from './usePoliceArea'
import { SEARCH_MAX } from '../../../../contracts/limits'
import { a11y } from '../../../../utils/a11y'
import '../../../../components/RentalKit/kit.css'
import './index.css'

export const AUDIT_URL = '/pages/rental-staff/police/audit/index'

type SheetKind = NonNullable<Sheet>['kind']
const SHEET_TITLES: Record<Exclude<SheetKind, 'reveal'>, string> = { export: '导出辖区登记 CSV', search: '按证件号码查询', close: '记录核实结果' }
const sheetTitle = (s: NonNullable<Sheet>) => (s.kind === 'reveal' ? `查看 ${s.reg.name ?? ''} 的完整证件号码` : SHEET_TITLES[s.kind])
const SHEET_HINTS: Record<SheetKind, string> = {
  reveal: '完整号码只显示一次，查看事由将记入审计。',
  export: '导出文件含完整证件号码，请妥善保管。导出事由将记入审计。',
  search: '按完整证件号码查询需说明事由，查询将记入审计（记录中号码脱敏）。',
  close: '核实结果会记入该反映的处理记录。',
}
const SHEET_CONFIRM: Record<SheetKind, string> = { reveal: '查看', export: '导出', search: '查询', close: '提交' }

/**
 * Registrations of the officer's area (派出所 / 来穗), masked. The full number is shown once, in a
 * popup, after a reason is given and audited; the CSV export (H5) and a search by full document
 * number are audited the same way. Above the list, the police's open misuse disputes
 * (有人冒用我的证件) and the mediation cases referred to them (警调对接).
 */
export default function PoliceArea() {
  const s = usePoliceArea()
  const { filter, q, setQ, total, phase, error, retryable, sheet, setSheet, revealed, setRevealed, disputes, referred, refresh, pickFilter, search, submitSheet } = s
  return (
    <View className='jf-page jf-police-area' id='jf-police-area' data-phase={phase} data-total={total}>
      <View className='jf-rental-head'>
        <Text className='jf-rental-head-title'>辖区出租屋登记</Text>
        <Text className='jf-rental-head-sub'>证件号码默认脱敏；查看完整号码或导出需填写事由，全程留痕。</Text>
        <View className='jf-rental-actions jf-police-links'>
          <Button id='jf-police-go-audit' size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: AUDIT_URL })}>
            查询记录
          </Button>
          {process.env.TARO_ENV === 'h5' && (
            <Button id='jf-police-export' size='small' type='primary' onClick={() => setSheet({ kind: 'export' })}>
              导出 CSV
            </Button>
          )}
        </View>
      </View>

      <View className='jf-card'>
        <View className='jf-rental-chips jf-police-filters' id='jf-police-filters' {...a11y('radiogroup', { label: '筛选' })}>
          {FILTERS.map((f) => (
            <View key={f.key} className={`jf-rental-chip jf-police-filter ${filter === f.key ? 'is-active' : ''}`} data-filter={f.key} {...a11y('radio', { checked: filter === f.key })} onClick={() => pickFilter(f.key)}>
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
        <View className='jf-police-search'>
          <TextBox id='jf-police-q' className='jf-rental-input jf-police-q' value={q} onChange={setQ} onConfirm={search} placeholder='楼栋名称、地址或完整证件号码' maxLength={SEARCH_MAX} />
          <Button id='jf-police-search' size='small' type='primary' fill='outline' onClick={search}>
            搜索
          </Button>
        </View>
      </View>

      {phase !== 'ready' && <LoadState className='jf-center' error={phase === 'error' ? error : ''} errorId='jf-police-error' onRetry={() => void refresh()} retryable={phase !== 'error' || retryable} />}
      {phase === 'ready' && disputes.length > 0 && <DisputesCard disputes={disputes} onClose={(dispute) => setSheet({ kind: 'close', dispute })} />}
      {phase === 'ready' && referred.length > 0 && <ReferredCard referred={referred} />}
      {phase === 'ready' && <RegistrationsCard s={s} />}

      <RevealedPopup revealed={revealed} onClose={() => setRevealed(null)} />
      <RentalReasonSheet
        title={sheet ? sheetTitle(sheet) : null}
        hint={sheet ? SHEET_HINTS[sheet.kind] : ''}
        placeholder={sheet?.kind === 'close' ? '如：已入户核实，另一登记人冒用证件，已驳回并立案' : '选好事由后用一句话说明，如：核查 11 月 28 日盗窃案相关人员'}
        confirmText={sheet ? SHEET_CONFIRM[sheet.kind] : ''}
        check={sheet?.kind === 'close' ? reasonError : auditReasonError}
        purposes={sheet !== null && sheet.kind !== 'close'}
        onSubmit={submitSheet}
        onClose={() => setSheet(null)}
      />
    </View>
  )
}
