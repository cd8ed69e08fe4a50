// Plays WeChat's side of the privacy authorization in miniprogram-simulate (which has none), over the
// simulated privacy APIs of the test wx (devserver/wx-shim/privacy.js, off until `enablePrivacy()`):
// an open-type button tap first records an `agreePrivacyAuthorization` part, then lets a privacy API
// (getPhoneNumber, chooseAvatar…) wait for the app's onNeedPrivacyAuthorization answer before WeChat
// delivers its event — or delivers the `privacy permission is not authorized` failure after a decline.
const simulate = require('miniprogram-simulate');

const privacy = () => wx.__control.privacy;

/** A user who has not agreed to the privacy guidelines yet (on), or the default: no checks (off). */
function enablePrivacy(on = true) {
  privacy().enable(on);
}

/** The event name WeChat fires for an open-type (getPhoneNumber → getphonenumber). */
const eventOf = (openType) => openType.toLowerCase();

/**
 * Taps the open-type button `node` (a kit t-button: its native button gets the events; or a native
 * <button>) as WeChat would, with `openType` (default: the t-button's own) and the `detail` WeChat hands
 * over on success. Returns a promise that settles once WeChat delivered the event (after the privacy
 * popup was answered, when one is asked); a declined chooseAvatar delivers nothing.
 */
function tapOpenType(node, detail = {}, openType = node.data.openType) {
  const native = node.querySelector('.t-button') || node;
  const types = String(openType || '').split('|').filter(Boolean);
  if (types.includes('agreePrivacyAuthorization')) {
    privacy().agreeButton(node.data.tId || '');
    native.dispatchEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } });
  }
  const main = types.find((t) => t !== 'agreePrivacyAuthorization');
  if (!main) return simulate.sleep(0);
  return new Promise((resolve) => {
    privacy().gate(main, `button.${main}`,
      () => { native.dispatchEvent(eventOf(main), { detail }); resolve(); },
      (errMsg, errno) => {
        if (main !== 'chooseAvatar') native.dispatchEvent(eventOf(main), { detail: { errMsg, errno } });
        resolve();
      });
  }).then(() => simulate.sleep(0));
}

/** Focus on a `type="nickname"` t-input: WeChat asks for privacy first; resolves true once the keyboard opens. */
function focusNickname(tInput) {
  return new Promise((resolve) => {
    privacy().gate('nickname', 'input.nickname', () => {
      tInput.querySelector('.t-input__control').dispatchEvent('focus', { detail: { value: '' } });
      resolve(true);
    }, () => resolve(false));
  });
}

/** The privacy popup visible somewhere under `root` (kit components embed one each), or null. */
function openPopup(root) {
  const all = root.querySelectorAll('#authing-privacy-popup');
  return all.find((p) => p.data.open) || null;
}

module.exports = { enablePrivacy, tapOpenType, focusNickname, openPopup, privacy };
