import { useState } from 'react'
import type { Recording } from './recorder'
import { uploadVoice } from './upload'

export type VoiceState =
  | { phase: 'none' }
  | { phase: 'uploading'; rec: Recording }
  | { phase: 'done'; rec: Recording; fileId: string }
  | { phase: 'failed'; rec: Recording; message: string }

/** What <VoiceNote> takes besides its ids. */
export interface VoiceNoteProps {
  voice: VoiceState
  onRecorded: (rec: Recording | null) => void
  onDrop: () => void
}

/**
 * One voice note of a form: recorded, uploaded at once (files.uploadVoice), dropped or replaced.
 * `fileId` is what the form sends as `voiceFileId`; `uploading` holds the send back until it is known.
 */
export function useVoiceNote() {
  const [voice, setVoice] = useState<VoiceState>({ phase: 'none' })
  const recorded = async (rec: Recording | null) => {
    if (!rec) return
    setVoice({ phase: 'uploading', rec })
    const r = await uploadVoice(rec)
    setVoice(r.ok ? { phase: 'done', rec, fileId: r.fileId } : { phase: 'failed', rec, message: r.message })
  }
  const drop = () => setVoice({ phase: 'none' })
  return {
    voice,
    recorded,
    drop,
    fileId: voice.phase === 'done' ? voice.fileId : null,
    uploading: voice.phase === 'uploading',
    /** Props for <VoiceNote>. */
    props: {
      voice,
      onRecorded: (r: Recording | null) => {
        void recorded(r)
      },
      onDrop: drop,
    } as VoiceNoteProps,
  }
}
