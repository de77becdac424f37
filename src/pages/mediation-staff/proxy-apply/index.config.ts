export default definePageConfig({
  navigationBarTitleText: '代办申请调解',
})
