// Strings of this namespace, Chinese and English. (Foundation stub for issue 4: filled in with the pages.)
const zh = {};
const en: typeof zh = {};
export const recordsText = { zh, en };
