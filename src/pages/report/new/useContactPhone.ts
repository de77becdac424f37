import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { contactError, contactFromDraft, contactInput, editContact, type ContactInput } from '../../../utils/report/contact'

/**
 * 联系电话's state on the report form: 我的's phone (its mask) filled in once 我的 answers, unless
 * the person has already typed, cleared, or reopened a draft with a number of its own.
 */
export function useContactPhone() {
  const [value, setValue] = useState('')
  const [mask, setMask] = useState<string | null>(null)
  const [error, setError] = useState('')
  // Set once the box holds anything but 我的's phone by the person's choice.
  const ownChoice = useRef(false)

  useEffect(() => {
    let live = true
    void api.call('account.profile', {}).then((r) => {
      if (!live || !r.ok || !r.profile.phone) return
      const m = r.profile.phone.masked
      setMask(m)
      if (!ownChoice.current) setValue(m)
    })
    return () => {
      live = false
    }
  }, [])

  const onChange = (next: string) => {
    ownChoice.current = true
    setValue((prev) => editContact(prev, next, mask))
    if (error) setError('')
  }

  /** A draft reopened from the outbox keeps its choice: 我的's phone, its own number, or none. */
  const fromDraft = (d: ContactInput) => {
    ownChoice.current = !d.contactFromProfile
    setValue(contactFromDraft(d, mask))
  }

  /** The wire fields, or the refusal, which is also shown under the box. */
  const check = (): { fields: ContactInput } | { error: string } => {
    const e = contactError(value, mask)
    setError(e)
    return e ? { error: e } : { fields: contactInput(value, mask) }
  }

  return { props: { value, mask, onChange, error }, fromDraft, check, setError }
}
