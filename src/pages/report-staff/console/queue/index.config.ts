export default definePageConfig({
  navigationBarTitleText: '综治中心工作台',
})
