// Strings of this namespace, Chinese and English. (Foundation stub for issue 5: filled in with the pages.)
const zh = {};
const en: typeof zh = {};
export const menuText = { zh, en };
