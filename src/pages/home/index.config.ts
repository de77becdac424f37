export default definePageConfig({
  navigationBarTitleText: '街坊通',
})
