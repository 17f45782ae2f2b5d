// Mobile H5 strings of the school pages (namespace "school"), Chinese and English with the same keys.
export const schoolText = {
  zh: {},
  en: {},
};
