// Mobile H5 strings of the teams pages (namespace "teams"), Chinese and English with the same keys.
export const teamsText = {
  zh: {},
  en: {},
};
