/** Which mediators fit a dispute when one is picked. */

/** Words in a committee's name that show which disputes it takes (交调委, 婚姻家庭纠纷人民调解委员会 …). */
const COMMITTEE_WORDS: Record<string, string[]> = {
  traffic: ['交调', '交通'],
  commerce: ['商调', '商事', '消费'],
  family: ['婚调', '婚姻', '家庭'],
}

/**
 * Whether a committee is the one the server routes this dispute type to: the specialised ones by
 * name, every other type to the general 人民调解委员会.
 */
export function committeeMatches(disputeType: string, committeeName: string): boolean {
  const words = COMMITTEE_WORDS[disputeType]
  if (words) return words.some((w) => committeeName.includes(w))
  return !Object.values(COMMITTEE_WORDS).some((ws) => ws.some((w) => committeeName.includes(w)))
}
