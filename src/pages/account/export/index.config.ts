export default definePageConfig({
  navigationBarTitleText: '查阅与导出',
})
