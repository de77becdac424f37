import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { formatFull } from '../../core/time'
import FieldError from '../FieldError'
import { OFFICE_HOURS_MAX, SCOPE_MAX, SERVICE_MAX, SERVICES_MAX, TEAM_MAX } from '../../utils/gridwork/board'
import { TEAM_ROLES, teamRoleLabel } from '../../utils/gridwork/labels'
import { useBoardEditor, type Props } from './useBoardEditor'
import { a11y } from '../../utils/a11y'
import '../GridWorkKit/kit.css'
import './index.css'
import TextBox from '../TextBox'
import { PERSON_NAME_MAX } from '../../contracts/limits'

const ROLE_LABELS = TEAM_ROLES.map((r) => r.label)

/** 网格信息公示牌: what residents see on the grid's page, edited by its own workers (or the street). */
export default function GridWorkBoardEditor({ board, onSaved }: Props) {
  const { draft, errors, formError, saving, savedAt, patch, setRow, addRow, removeRow, setService, addService, removeService, save, services } = useBoardEditor({ board, onSaved })
  return (
    <View className='jf-gw-board' id='jf-gw-board'>
      <View className='jf-card'>
        <TextBox label='网格范围' required id='jf-gw-scope' className='jf-gw-field' value={draft.scope} onChange={(v) => patch({ scope: v }, ['scope'])} placeholder='包含的街巷、楼栋、小区，如：云景路 1–20 号，云景花园 1–8 栋' maxLength={SCOPE_MAX} rows={3} field='scope' error={errors.scope} />
        <TextBox label='户数' labelClass='jf-gw-label' required id='jf-gw-households' className='jf-gw-field jf-gw-households' value={draft.households} onChange={(v) => patch({ households: v }, ['households'])} placeholder='如：420' type='digit' maxLength={6} field='households' error={errors.households} />
      </View>

      <View className='jf-card' id='jf-gw-team'>
        <Text className='jf-section-title jf-required' {...a11y('heading', { level: 2 })}>网格团队</Text>
        <Text className='jf-gw-note'>公开电话会展示给居民，请填写工作电话，不要填写私人号码</Text>
        {draft.team.map((t, i) => (
          <View key={t.key} className='jf-gw-team-row' data-index={i} data-role={t.role}>
            <View className='jf-gw-team-line'>
              <Picker mode='selector' range={ROLE_LABELS} value={Math.max(0, TEAM_ROLES.findIndex((r) => r.key === t.role))} onChange={(e) => setRow(i, { role: TEAM_ROLES[Number(e.detail.value)]?.key ?? t.role })}>
                <View className='jf-gw-team-role' data-role={t.role}>
                  <Text>{teamRoleLabel(t.role)}</Text>
                  <Text className='jf-gw-team-caret'>▾</Text>
                </View>
              </Picker>
              <TextBox className='jf-gw-field jf-gw-team-name' value={t.name} onChange={(v) => setRow(i, { name: v })} placeholder='姓名' maxLength={PERSON_NAME_MAX} />
              <Text className='jf-gw-team-remove' data-index={i} {...a11y('button', { label: `删除第 ${i + 1} 位成员` })} onClick={() => removeRow(i)}>
                删除
              </Text>
            </View>
            <TextBox className='jf-gw-field jf-gw-team-phone' value={t.phone} onChange={(v) => setRow(i, { phone: v })} placeholder='公开电话（选填），如 020-87701001' maxLength={20} type='text' />
            <FieldError field={`team.${i}.name`} message={errors[`team.${i}.name`]} />
            <FieldError field={`team.${i}.phone`} message={errors[`team.${i}.phone`]} />
          </View>
        ))}
        <FieldError field='team' message={errors.team} />
        {draft.team.length < TEAM_MAX && (
          <View className='jf-gw-actions'>
            <Button id='jf-gw-team-add' size='small' fill='outline' onClick={addRow}>
              添加成员
            </Button>
          </View>
        )}
      </View>

      <View className='jf-card' id='jf-gw-services'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>服务事项</Text>
        {services.map((s, i) => (
          <View key={i} className='jf-gw-service' data-index={i}>
            <TextBox className='jf-gw-field jf-gw-service-input' value={s} onChange={(v) => setService(i, v)} placeholder='如：居住证办理咨询' maxLength={SERVICE_MAX} />
            <Text className='jf-gw-service-remove' data-index={i} {...a11y('button', { label: `删除第 ${i + 1} 项服务` })} onClick={() => removeService(i)}>
              删除
            </Text>
          </View>
        ))}
        <FieldError field='services' message={errors.services} />
        {services.length < SERVICES_MAX && (
          <View className='jf-gw-actions'>
            <Button id='jf-gw-service-add' size='small' fill='outline' onClick={addService}>
              添加服务
            </Button>
          </View>
        )}
        <TextBox label='办公时间' labelClass='jf-gw-label' id='jf-gw-office-hours' className='jf-gw-field' value={draft.officeHours} onChange={(v) => patch({ officeHours: v }, ['officeHours'])} placeholder='如：工作日 9:00–12:00，14:00–17:30' maxLength={OFFICE_HOURS_MAX} field='officeHours' error={errors.officeHours} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>入群方式</Text>
        <View className='jf-gw-chips' id='jf-gw-policies'>
          {(
            [
              ['open', '开放加入', '居民申请后直接入群，可看到群二维码'],
              ['approval', '需审核', '网格员同意后居民才能看到群二维码'],
            ] as const
          ).map(([key, label]) => (
            <View key={key} className={`jf-gw-chip jf-gw-policy ${draft.joinPolicy === key ? 'is-active' : ''}`} data-policy={key} {...a11y('radio', { checked: draft.joinPolicy === key })} onClick={() => patch({ joinPolicy: key })}>
              <Text>{label}</Text>
            </View>
          ))}
        </View>
        <Text className='jf-gw-note'>{draft.joinPolicy === 'open' ? '居民申请后直接入群，可看到群二维码' : '网格员同意后居民才能看到群二维码'}</Text>
      </View>

      {formError && (
        <View className='jf-gw-error' id='jf-gw-board-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-save-board' type='primary' block size='large' loading={saving} onClick={() => void save()}>
          {saving ? '正在保存…' : '保存公示牌'}
        </Button>
        {savedAt && (
          <Text className='jf-gw-saved' id='jf-gw-board-saved'>
            已于 {formatFull(savedAt)} 保存
          </Text>
        )}
      </View>
    </View>
  )
}
