export default definePageConfig({
  navigationBarTitleText: '对外接口',
  // A desk page (H5 only): its DeskHeader is the title bar, with the way back; Taro draws none.
  navigationStyle: 'custom',
})
