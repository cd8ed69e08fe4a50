// @ts-check
// WeChat's privacy authorization, simulated (base library >= 2.32.3 semantics, see the
// wx.onNeedPrivacyAuthorization docs). OFF by default, so nothing changes for code that ignores it; a
// test or the preview turns it on with `wx.__control.privacy.enable()`. While on and not yet agreed, a
// privacy API (the phone button's getPhoneNumber, chooseAvatar, a nickname input's focus, requirePrivacyAuthorize)
// waits for the ONE onNeedPrivacyAuthorization listener's answer:
//   resolve({ event: 'agree', buttonId }) → accepted only if an agreePrivacyAuthorization button with that id was
//     tapped (WeChat checks it too); the waiting API continues;
//   resolve({ event: 'disagree' }) → it fails with `<api>:fail privacy permission is not authorized`, errno 104.
// Tapping an agreePrivacyAuthorization button (alone or combined, "getPhoneNumber|agreePrivacyAuthorization")
// records the agreement at once, so the listener is not asked afterwards.

const NOT_AUTHORIZED = 'privacy permission is not authorized';
const ERRNO_NOT_AUTHORIZED = 104;

/** @param {(opts: any, run: () => any) => any} settle the shim's success/fail/Promise helper */
function createPrivacySim(settle) {
  const state = {
    enabled: false,
    agreed: false,
    contractName: '《Authing 演示小程序隐私保护指引》',
    /** @type {null | ((resolve: (a: {event: string, buttonId?: string}) => void, info: {referrer: string}) => void)} */
    listener: null,
    /** referrers the listener was asked for, in order */
    asked: /** @type {string[]} */ ([]),
    /** ids of tapped agreePrivacyAuthorization buttons */
    tapped: new Set(),
    contractOpened: 0,
  };
  const needed = () => state.enabled && !state.agreed;

  /**
   * A privacy API is used: `proceed()` now, or once the listener agrees; `refuse(errMsg, errno)` when it
   * disagrees. `api` names it in errMsg ("getPhoneNumber"), `referrer` as WeChat reports it.
   */
  function gate(api, referrer, proceed, refuse) {
    if (!needed()) { proceed(); return; }
    if (!state.listener) { refuse(`${api}:fail ${NOT_AUTHORIZED}`, ERRNO_NOT_AUTHORIZED); return; }
    let settled = false;
    state.asked.push(referrer);
    state.listener((answer) => {
      if (settled || !answer) return;
      if (answer.event === 'agree' && answer.buttonId && state.tapped.has(answer.buttonId)) {
        settled = true;
        state.agreed = true;
        proceed();
      } else if (answer.event === 'disagree') {
        settled = true;
        refuse(`${api}:fail ${NOT_AUTHORIZED}`, ERRNO_NOT_AUTHORIZED);
      }
    }, { referrer });
  }

  const control = {
    state,
    gate,
    /** Turns the simulation on (a user who has not agreed yet) or off. */
    enable(on = true) { state.enabled = on; state.agreed = false; state.asked.length = 0; state.tapped.clear(); },
    /** An agreePrivacyAuthorization button `id` was tapped: WeChat records the agreement. */
    agreeButton(id) { if (id) state.tapped.add(id); state.agreed = true; },
  };

  const api = {
    onNeedPrivacyAuthorization(listener) { state.listener = listener; },
    getPrivacySetting(opts) {
      return settle(opts, () => ({ needAuthorization: needed(), privacyContractName: state.contractName, errMsg: 'getPrivacySetting:ok' }));
    },
    requirePrivacyAuthorize(opts) {
      return settle(opts, () => new Promise((resolve, reject) => gate('requirePrivacyAuthorize', 'requirePrivacyAuthorize',
        () => resolve({ errMsg: 'requirePrivacyAuthorize:ok' }), (errMsg, errno) => reject({ errMsg, errno }))));
    },
    openPrivacyContract(opts) {
      return settle(opts, () => { state.contractOpened++; return { errMsg: 'openPrivacyContract:ok' }; });
    },
  };
  return { api, control };
}

module.exports = { createPrivacySim, NOT_AUTHORIZED, ERRNO_NOT_AUTHORIZED };
