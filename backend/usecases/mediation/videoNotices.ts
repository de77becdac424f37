/** The same words for every reader (notices.ts calls them with the reader, the case and the event too). */
type Words = (name: string) => { title: string; body: string }

/**
 * 视频调解 in notices: someone entering the room tells the others on the case it is time to come in;
 * leaving tells nobody (the case shows who is still there).
 */
export const VIDEO_WORDS: Record<'video_join' | 'video_leave', Words | null> = {
  video_join: (n) => ({ title: '视频调解进行中', body: `${n}的视频调解已有人进入，请在案件详情中点击「进入视频调解」` }),
  video_leave: null,
}
