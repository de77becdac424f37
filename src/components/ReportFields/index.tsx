import { Button, Cell, CellGroup, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { CategoryView } from '../../contracts/api'
import type { usePhotoUploads } from '../../hooks/usePhotoUploads'
import type { PickedLocation, useLocationPicker } from '../../hooks/useLocationPicker'
import { DESCRIPTION_MAX, MAX_PHOTOS, type DraftErrors } from '../../utils/report-draft'
import { limitText, overLimitMessage } from '../../utils/textLimit'
// The resident's form pieces; the styles come with the page (report/new/index.css).
import CategoryChips from '../CategoryChips'
import FieldError from '../FieldError'
import PhotoPicker from '../PhotoPicker'
import PrivacyPrompt from '../PrivacyPrompt'
import VoiceNote from '../VoiceNote'
import type { VoiceNoteProps } from '../VoiceNote/useVoiceNote'
import LocationCard from './LocationCard'
import type { ReportFieldValues } from './useReportForm'
import { a11y } from '../../utils/a11y'

export type { ReportFieldValues } from './useReportForm'
export { default as SubmitBar } from './SubmitBar'
export { useReportForm } from './useReportForm'

interface Props {
  fields: ReportFieldValues
  /**
   * Sets one field (and clears its error); the page owns the state, which may hold more fields
   * (代办's resident name and phone). Method syntax so such a page's wider setter fits.
   */
  set<K extends keyof ReportFieldValues>(k: K, v: ReportFieldValues[K]): void
  errors: DraftErrors
  /** null while loading; `loadError` then says why it failed and offers 重试. */
  categories: CategoryView[] | null
  loadError: string
  onReloadCategories: () => void
  uploads: Pick<ReturnType<typeof usePhotoUploads>, 'photos' | 'add' | 'remove' | 'retry'>
  grid: PickedLocation['grid']
  location: ReturnType<typeof useLocationPicker>
  /** 按住说话: a voice note that may stand for the description (useVoiceNote's props). */
  voice: VoiceNoteProps
  descriptionPlaceholder: string
  /** Under 匿名上报: who cannot see whose identity. */
  anonymousHint: string
  /** Shown between the location card and 匿名上报 (the report form's possible duplicates). */
  children?: ReactNode
}

/**
 * The questions of a report, the same for a resident (上报问题) and a grid worker filing for one
 * (代办上报): category, description, photos, location with its grid, address, anonymity.
 */
export default function ReportFields({
  fields,
  set,
  errors,
  categories,
  loadError,
  onReloadCategories,
  uploads,
  grid,
  location,
  voice,
  descriptionPlaceholder,
  anonymousHint,
  children,
}: Props) {
  const descLen = Array.from(fields.description).length
  // A paste over the limit keeps its first DESCRIPTION_MAX characters and says so, never silently.
  const [descOver, setDescOver] = useState(false)
  const describe = (v: string) => {
    const kept = limitText(v, DESCRIPTION_MAX)
    setDescOver(kept.over)
    set('description', kept.text)
  }

  return (
    <>
      <View className='jf-card'>
        <Text className='jf-section-title jf-required' {...a11y('heading', { level: 2 })}>问题类别</Text>
        {categories ? (
          <CategoryChips categories={categories} value={fields.category} onChange={(c) => set('category', c)} />
        ) : (
          <View className='jf-cats-loading'>
            <Text className='jf-muted'>{loadError || '正在加载类别…'}</Text>
            {loadError && (
              <Button size='small' onClick={onReloadCategories}>
                重试
              </Button>
            )}
          </View>
        )}
        <FieldError field='category' message={errors.category} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required' {...a11y('heading', { level: 2 })}>问题描述</Text>
        <View className='jf-voice-field'>
          <Text className='jf-muted jf-voice-hint'>写几句话，或按住下面的按钮说一段（最长 60 秒）</Text>
          <VoiceNote {...voice} idPrefix='jf-report-voice' />
          <FieldError field='voiceFileId' message={errors.voice} />
        </View>
        <View id='jf-description' className='jf-description'>
          <TextArea
            value={fields.description}
            onChange={describe}
            placeholder={descriptionPlaceholder}
            maxLength={-1}
            rows={4}
            autoSize
          />
          <Text className='jf-counter' id='jf-description-count'>
            {descLen}/{DESCRIPTION_MAX}
          </Text>
        </View>
        {descOver && (
          <Text className='jf-field-error' id='jf-description-over'>
            {overLimitMessage(DESCRIPTION_MAX)}
          </Text>
        )}
        <FieldError field='description' message={errors.description} />

        <Text className='jf-section-title' {...a11y('heading', { level: 2 })}>
          现场照片 <Text className='jf-muted'>（选填，最多 {MAX_PHOTOS} 张）</Text>
        </Text>
        <PhotoPicker photos={uploads.photos} max={MAX_PHOTOS} onAdd={uploads.add} onRemove={uploads.remove} onRetry={uploads.retry} />
        <FieldError field='photos' message={errors.photos} />
      </View>

      <LocationCard fields={fields} set={set} errors={errors} grid={grid} location={location} />

      {children}

      {/* Photos and location are privacy APIs: WeChat's authorisation is asked here, over the form. */}
      <PrivacyPrompt />

      <View className='jf-card'>
        <CellGroup divider={false}>
          <Cell
            title='匿名上报'
            description={anonymousHint}
            extra={
              <View id='jf-anonymous'>
                <Switch checked={fields.anonymous} ariaLabel='匿名上报' onChange={(v) => set('anonymous', v)} />
              </View>
            }
          />
        </CellGroup>
      </View>
    </>
  )
}
