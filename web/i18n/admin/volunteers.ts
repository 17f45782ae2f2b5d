// Console strings of the volunteers pages (namespace "volunteers"), Chinese and English with the same keys.
export const volunteersText = {
  zh: {},
  en: {},
};
