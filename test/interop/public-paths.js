// The package's documented import paths (README "Import paths"), and what each must give.
const COMPONENTS = ['login', 'phone-button', 'avatar-uploader', 'profile-form', 'privacy-popup', 'mfa', 'bind-phone', 'reset-password', 'register'];

/** Paths that run anywhere JS runs, with the exports each must have. */
const MODULES = {
  'authing-miniapp-kit': ['Authing', 'setDefaultClient', 'getDefaultClient', 'createTaroPlatform', 'createUniPlatform'],
  'authing-miniapp-kit/crypto/rsa': ['encryptRsa'],
  'authing-miniapp-kit/crypto/sm2': ['encryptSm2'],
};

/** Component scripts: resolved everywhere, executed only by a mini-program (they call Component()). */
const COMPONENT_PATHS = COMPONENTS.map((c) => `authing-miniapp-kit/components/${c}/index`);

/** Node-only tools. */
const NODE_TOOLS = { 'authing-miniapp-kit/taro': ['taroAliases'], 'authing-miniapp-kit/devserver': ['createDevServer'] };

module.exports = { MODULES, COMPONENT_PATHS, NODE_TOOLS };
