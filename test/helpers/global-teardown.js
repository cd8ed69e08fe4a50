module.exports = async () => {
  if (globalThis.__AUTHING_DEVSERVER__) await globalThis.__AUTHING_DEVSERVER__.close();
};
