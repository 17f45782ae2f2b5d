// Console strings of the roster pages (namespace "roster"), Chinese and English with the same keys.
export const rosterText = {
  zh: {},
  en: {},
};
