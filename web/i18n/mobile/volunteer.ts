// Mobile H5 strings of the volunteer pages (namespace "volunteer"), Chinese and English with the same keys.
export const volunteerText = {
  zh: {},
  en: {},
};
