export default definePageConfig({
  navigationBarTitleText: '认领代办事项',
})
