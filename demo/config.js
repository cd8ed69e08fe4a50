// The ONE place the demo is configured. By default it talks to the local devserver that
// `npm start` runs (http://127.0.0.1:3000, seeded demo user `demo` / `Demo@123456`).
//
// To use your Authing cloud user pool instead:
//   1. Authing console → 应用 → your mini-program app: copy the App ID into `appId`;
//      设置 → 基础设置: copy the 用户池 ID into `userPoolId`.
//   2. Set `host` to your app domain, e.g. 'https://your-app.authing.cn' (https is required for
//      anything but a loopback address).
//   3. Set `extIdpConnidentifier` to the identifier of your 「微信小程序」 identity source
//      (连接身份源 → 社会化身份源), needed for WeChat and phone-number login.
//   4. WeChat mp console → 开发管理 → 服务器域名: add `host` to the request and uploadFile domains
//      (or keep 「不校验合法域名」 ticked in DevTools while developing; project.config.json sets urlCheck: false).
module.exports = {
  appId: 'demo-app-id',
  userPoolId: 'demo-userpool-id',
  host: 'http://127.0.0.1:3000',
  extIdpConnidentifier: 'wechat-miniprogram',
};
