// Agreement consent (core/flows/consent): normalisation of the `agreements` property and the gate that
// parks an action until the user agrees.
const { ConsentGate, normalizeAgreements, joinAgreementTitles } = require('../../helpers/kit').internal('core/flows/consent');

describe('normalizeAgreements', () => {
  test('objects, titles, comma strings and JSON strings; 《》 stripped; empties dropped', () => {
    expect(normalizeAgreements([{ title: '《用户协议》', url: '/pages/terms' }, { name: '隐私政策', link: 'https://x/p' }, { title: ' ' }, 3, null]))
      .toEqual([{ title: '用户协议', url: '/pages/terms' }, { title: '隐私政策', url: 'https://x/p' }]);
    expect(normalizeAgreements('用户协议, 隐私政策')).toEqual([{ title: '用户协议', url: '' }, { title: '隐私政策', url: '' }]);
    expect(normalizeAgreements('[{"title":"Terms","url":"/t"}]')).toEqual([{ title: 'Terms', url: '/t' }]);
    expect(normalizeAgreements('')).toEqual([]);
    expect(normalizeAgreements(undefined)).toEqual([]);
    expect(normalizeAgreements({ title: 'not a list' })).toEqual([]);
  });

  test('joinAgreementTitles', () => {
    const a = normalizeAgreements('A,B,C');
    expect(joinAgreementTitles(a, '和')).toBe('《A》、《B》和《C》');
    expect(joinAgreementTitles(a.slice(0, 1), '和')).toBe('《A》');
    expect(joinAgreementTitles(a.slice(0, 2), ' and ', ', ')).toBe('《A》 and 《B》');
  });
});

describe('ConsentGate', () => {
  test('no agreements: everything runs', () => {
    const gate = new ConsentGate(false);
    expect(gate.request('password')).toBe(true);
    expect(gate.state.prompting).toBe(false);
  });

  test('unchecked by default; a request parks the action and prompts; agree hands it back and checks the box', () => {
    const gate = new ConsentGate(true);
    expect(gate.state).toEqual({ required: true, agreed: false, prompting: false, pending: null });
    expect(gate.request('sms')).toBe(false);
    expect(gate.request('password')).toBe(false); // the latest wins
    expect(gate.state).toMatchObject({ prompting: true, pending: 'password' });
    expect(gate.agree()).toBe('password');
    expect(gate.state).toEqual({ required: true, agreed: true, prompting: false, pending: null });
    expect(gate.request('wechat')).toBe(true);
  });

  test('dismiss returns the action that will not run and leaves the box unchecked', () => {
    const gate = new ConsentGate(true);
    gate.request('phone');
    expect(gate.dismiss()).toBe('phone');
    expect(gate.state).toEqual({ required: true, agreed: false, prompting: false, pending: null });
    expect(gate.dismiss()).toBeNull();
  });

  test('the checkbox and setRequired', () => {
    const gate = new ConsentGate(true);
    gate.setAgreed(true);
    expect(gate.satisfied).toBe(true);
    gate.setAgreed(false);
    expect(gate.satisfied).toBe(false);
    gate.request('sms');
    gate.setRequired(false);
    expect(gate.state).toEqual({ required: false, agreed: false, prompting: false, pending: null });
    expect(gate.satisfied).toBe(true);
  });
});
