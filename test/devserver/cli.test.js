/** @jest-environment node */
// bin.js flags for the limits and the CORS / Host allowances reach createDevServer's options.
const { parseArgs } = require('../../devserver/bin');

test('limit and allowance flags, in both spellings, become options', () => {
  const args = parseArgs(['--memory', '--captcha-after', '0', '--lockout-after=7', '--lockout-seconds', '60',
    '--client-captcha-after', '2', '--passcode-attempts', '3', '--send-cooldown', '30',
    '--cors-origin', 'http://localhost:5173', '--cors-origin=http://localhost:8080', '--allowed-host', 'dev.example.test']);
  expect(args).toMatchObject({
    dataFile: null,
    limits: { captchaAfter: 0, lockoutAfter: 7, lockoutSeconds: 60, clientCaptchaAfter: 2, passcodeMaxAttempts: 3, sendCooldown: 30 },
    corsOrigins: ['http://localhost:5173', 'http://localhost:8080'],
    allowedHosts: ['dev.example.test'],
  });
});

test('no flags: no overrides (the createDevServer defaults apply)', () => {
  expect(parseArgs([])).toMatchObject({ limits: {}, corsOrigins: [], allowedHosts: [] });
});
