export default definePageConfig({
  navigationBarTitleText: '出租屋实名登记',
})
