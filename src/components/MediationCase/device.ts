import Taro from '@tarojs/taro'
import { dialable } from '../../utils/mediation/phone'

/** Dials a number a party or mediator can be called on; a masked one does nothing. */
export function call(phone: string | null) {
  const n = dialable(phone)
  if (n) void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)
}

/** Copies text people forward (an invitation, a meeting number) and says so. */
export function copy(text: string, done: string) {
  void Taro.setClipboardData({ data: text })
    .then(() => Taro.showToast({ title: done, icon: 'none' }))
    .catch(() => undefined)
}
