import { Text } from '@tarojs/components'

/**
 * A file button of the desk imports in Chinese (选择文件, then the chosen name): the browser's own
 * file input would print 「Choose File / No file chosen」 in English. The input stays, hidden, with
 * its id, so tests and screen readers still reach it.
 */
export default function FilePick({ id, accept, multiple, label = '选择文件', chosen, onPick }: { id: string; accept: string; multiple?: boolean; label?: string; chosen?: string; onPick: (files: FileList | null) => void }) {
  return (
    <>
      <label className='jf-btn jf-ak-file'>
        {label}
        <input id={id} type='file' accept={accept} multiple={multiple} style={{ display: 'none' }} onChange={(e) => onPick((e.target as HTMLInputElement).files)} />
      </label>
      <Text className='jf-ak-help jf-ak-file-name'>{chosen || '未选择文件'}</Text>
    </>
  )
}
