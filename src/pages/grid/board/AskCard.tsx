import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import FieldError from '../../../components/FieldError'
import VoiceNote from '../../../components/VoiceNote'
import { QUESTION_MAX } from '../../../utils/grid/membership'
import type { GridBoardState } from './useGridBoard'
import TextBox, { editing } from '../../../components/TextBox'

/** 找网格员: a question to the grid worker, answered in 我的事项. */
export default function AskCard({ s }: { s: GridBoardState }) {
  const { asking, setAsking, question, setQuestion, questionError, setQuestionError, voice, sending, sentCaseId, setSentCaseId, send } = s
  return (
    <View className='jf-card jf-gboard-ask' id='jf-grid-ask-card'>
      <Text className='jf-section-title'>找网格员</Text>
      {sentCaseId ? (
        <View className='jf-gboard-sent' id='jf-grid-ask-sent' data-case-id={sentCaseId}>
          <Text className='jf-note is-success jf-gboard-sent-text'>已发送，可在「我的事项」查看答复</Text>
          <View className='jf-gboard-sent-actions'>
            <Button
              id='jf-grid-ask-case'
              size='small'
              type='primary'
              fill='outline'
              onClick={() => void Taro.navigateTo({ url: `/pages/report/detail/index?id=${encodeURIComponent(sentCaseId)}` })}
            >
              查看事项
            </Button>
            <Button
              size='small'
              fill='none'
              onClick={() => {
                setSentCaseId(null)
                setAsking(true)
              }}
            >
              再问一个
            </Button>
          </View>
        </View>
      ) : !asking ? (
        <View className='jf-gboard-ask-intro'>
          <Text className='jf-gboard-note'>有事想问网格员？留言后网格员会在「我的事项」里答复您。</Text>
          <View className='jf-gboard-ask-open'>
            <Button id='jf-grid-ask' block onClick={() => setAsking(true)}>
              找网格员
            </Button>
          </View>
        </View>
      ) : (
        <View className='jf-gboard-ask-form'>
          <Text className='jf-muted'>写下问题，或按住说话（最长 60 秒）</Text>
          <VoiceNote {...voice} idPrefix='jf-grid-ask-voice' />
          <TextBox id='jf-grid-question' className='jf-gboard-textarea' value={question} onChange={editing(setQuestion, questionError, setQuestionError)} placeholder='请写下您想咨询的问题，如：小区加装电梯需要准备哪些材料？' maxLength={QUESTION_MAX} rows={4} />
          <Text className='jf-gboard-counter'>
            {Array.from(question).length}/{QUESTION_MAX}
          </Text>
          <FieldError field='question' message={questionError} />
          <View className='jf-gboard-ask-actions'>
            <Button size='small' fill='none' onClick={() => setAsking(false)}>
              取消
            </Button>
            <Button id='jf-grid-ask-submit' type='primary' size='small' loading={sending} onClick={() => void send()}>
              发送给网格员
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
