export default definePageConfig({
  navigationBarTitleText: '纠纷移送函',
})
