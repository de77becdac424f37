export default definePageConfig({
  navigationBarTitleText: '代办租户登记',
})
