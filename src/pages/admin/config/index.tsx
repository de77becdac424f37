import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { AdminDesk } from '../../../components/AdminHeader'
import FilePick from '../../../components/AdminKit/FilePick'
import { configPathLabel } from '../../../contracts/configFields'
import { getAt, type CategoryDraft, type Path } from '../../../utils/admin/configDraft'
import CategoryTable from './CategoryTable'
import CommitteeImport from './CommitteeImport'
import { levelRulesText } from './levelRules'
import { NumberField, Section } from './ConfigField'
import ConfigHistory from './ConfigHistory'
import { DeadLetters } from './DeadLetters'
import RateLimits from './RateLimits'
import { useAdminConfig } from './useAdminConfig'
import '../../../components/AdminKit/kit.css'
import './index.css'

const GENERAL: Array<{ path: Path; label: string; unit: string; hint: string }> = [
  { path: ['acceptHours'], label: '受理时限', unit: '小时', hint: '新上报的事件须在此时限内受理，超时算超期' },
  { path: ['escalationGraceHours'], label: '超时升级宽限', unit: '小时', hint: '超期后再等多久自动上报上一级' },
  { path: ['mediation', 'timeLimitDays'], label: '调解期限', unit: '天', hint: '受理后调解须在此期限内结束' },
  { path: ['help', 'acceptMinutes'], label: '一键求助响应时限', unit: '分钟', hint: '值班人员超过此时限无人响应，即上报街道综治中心' },
  { path: ['help', 'districtMinutes'], label: '一键求助上报区级', unit: '分钟', hint: '上报街道后仍无人响应，再过多久上报区级' },
  { path: ['rental', 'retentionDays'], label: '退租后个人信息保留', unit: '天', hint: '退租或驳回后证件号码、电话保留的天数，0 表示下次清理即删除' },
  { path: ['rental', 'inspectionDueSoonDays'], label: '消防巡查提前提醒', unit: '天', hint: '月度巡查到期前多少天提醒楼栋长' },
]

/** Paths some field of the form shows an error under; refusals elsewhere are listed at the top. */
function shownError(key: string): boolean {
  if (GENERAL.some((g) => g.path.join('.') === key)) return true
  if (/^categories\.\d+(\.(name|code|parent|handler|department|slaHours|sensitive|mediable))?$/.test(key)) return true
  return /^rateLimits\..+\.(max|windowMinutes)$/.test(key)
}

/**
 * 区级配置 (H5, district admin) as a form: time limits, the event categories with who handles them,
 * and the rate limits, each refusal in Chinese under its field (the server checks with the same rules
 * as at start); every save kept as a version with who, when and what. The whole configuration can
 * be exported and imported as a file.
 */
export default function AdminConfig() {
  const { draft, version, history, errors, refusals, notice, busy, dirty, set, save, discard, exportJson, importJson } = useAdminConfig()
  const f = { errors, set }
  const elsewhere = Object.entries(errors).filter(([k]) => !shownError(k))
  const committees = (getAt(draft, ['mediation', 'committees']) as Array<{ code: string; name: string; unitCode?: string }> | undefined) ?? []
  // A refusal may sit far down the form: bring the first one into view.
  useEffect(() => {
    if (refusals > 0) document.querySelector('.jf-config-field-error, .jf-config-error')?.scrollIntoView({ block: 'center' })
  }, [refusals])

  return (
    <AdminDesk id='jf-admin-config' current='config'>
      <View className='jf-ak-section jf-config-bar'>
        <Text className='jf-ak-title'>区级配置（当前第 {version} 版{version === 0 ? '，来自配置文件' : ''}）</Text>
        <Text className='jf-ak-help'>修改后点「校验并保存」：保存前按启动时的同一套规则完整校验，有误的项在该项下方说明，全部无误才保存为新版本。</Text>
        <View className='jf-ak-row'>
          <button type='button' className='jf-btn jf-btn-primary' id='jf-config-save' disabled={busy || !draft} onClick={() => void save()}>
            {busy ? '正在保存…' : '校验并保存'}
          </button>
          <button type='button' className='jf-btn' id='jf-config-discard' disabled={busy || !dirty} onClick={() => void discard()}>
            放弃修改
          </button>
          {dirty && <Text className='jf-config-hint'>有未保存的修改</Text>}
        </View>
        {notice && (
          <Text className={`jf-ak-notice ${notice.ok ? 'is-ok' : 'is-error'}`} id={notice.ok ? 'jf-config-saved' : 'jf-config-notice'}>
            {notice.text}
          </Text>
        )}
        {elsewhere.length > 0 && (
          <View id='jf-config-errors'>
            {elsewhere.map(([path, msg]) => (
              <Text key={path} className='jf-config-error' data-path={path}>
                {configPathLabel(path, draft ?? undefined)}：{msg}
              </Text>
            ))}
          </View>
        )}
      </View>

      {draft && (
        <View className='jf-ak-grid'>
          <View>
            <Section id='jf-config-general' title='时限与保留期限'>
              {GENERAL.map((g) => (
                <NumberField key={g.path.join('.')} label={g.label} unit={g.unit} hint={g.hint} path={g.path} value={getAt(draft, g.path)} {...f} />
              ))}
            </Section>
            <Section id='jf-config-categories-section' title='事件分类与处置' help='小类是居民上报时选的类别：选择由网格员还是职能部门处置，并填写办理时限。敏感事项（如治安线索、家庭纠纷）不公开给其他居民。新增或删除分类请导出配置文件修改后再导入。'>
              <CategoryTable categories={(draft.categories as CategoryDraft[]) ?? []} departments={(draft.departments as Array<{ code: string; name: string }>) ?? []} {...f} />
            </Section>
            <Section id='jf-config-rate-section' title='提交次数限制' help='同一个人在统计时段内最多可提交的次数，防止误操作或恶意刷单；重试同一次提交不计数。'>
              <RateLimits limits={(draft.rateLimits as Record<string, { max?: unknown; windowMinutes?: unknown }>) ?? {}} {...f} />
            </Section>
            <Section id='jf-config-committees' title='调解委员会' help='全区性调解委员会（交调委、商调委、婚调委）在配置文件中；社区、街道、区的调解委员会用下方表格导入，本页只显示。'>
              {committees.map((c) => (
                <Text key={`${c.code}@${c.unitCode ?? ''}`} className='jf-config-committee'>
                  {c.name}
                </Text>
              ))}
              <Text className='jf-config-committee' id='jf-config-level-rules'>
                调解层级规则：{levelRulesText(draft.mediation as { levelRules?: Record<string, unknown> } | undefined)}
              </Text>
            </Section>
            <CommitteeImport onApplied={() => void discard()} />
          </View>
          <View>
            <ConfigHistory history={history} config={draft} />
            <Section id='jf-config-file' title='导出与导入' help='导出为配置文件（JSON）存档或交给技术人员；导入的文件先载入本页，核对后点「校验并保存」才生效。'>
              <View className='jf-ak-row'>
                <button type='button' className='jf-btn' id='jf-config-export' onClick={exportJson}>
                  导出配置文件
                </button>
                <FilePick id='jf-config-import' accept='.json,application/json' label='导入配置文件' onPick={(files) => void importJson(files)} />
              </View>
            </Section>
          </View>
          <DeadLetters />
        </View>
      )}
    </AdminDesk>
  )
}
