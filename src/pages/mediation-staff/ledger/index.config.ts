export default definePageConfig({
  navigationBarTitleText: '调解台账',
})
