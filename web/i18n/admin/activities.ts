// Console strings of the activity pages (namespace "activities"), Chinese and English with the same keys.
const zh = {};
export const activitiesText: { zh: typeof zh; en: typeof zh } = {
  zh,
  en: {},
};
