// Mobile H5 strings, English.
import { volunteerText } from './mobile/volunteer';
import { teamsText } from './mobile/teams';
import { schoolText } from './mobile/school';
import { activitiesText } from './mobile/activities';
import { participationText } from './mobile/participation';
import { recordsText } from './mobile/records';
import { menuText } from './mobile/menu';
import type { MobileStrings } from './mobile-zh';

export const mobileEn: MobileStrings = {
  brand: 'Civic Code',
  platform: 'New Era Civilization Practice · Wenming',
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch to Chinese',
  loading: 'Loading…',
  retry: 'Try again',
  back: 'Back',
  site: {
    address: 'Address',
    openingHours: 'Opening hours',
    contact: 'Contact',
    call: 'Call',
    callLabel: 'Call {{phone}}',
    intro: 'About',
    photos: 'Photos',
    photoAlt: 'Photo {{n}} of {{name}}',
    location: 'Location',
    coordinates: '{{lat}}° N, {{lng}}° E',
    belongsTo: 'Part of: ',
    notProvided: 'Not provided',
    status: { open: 'Open', closed: 'Closed', suspended: 'Temporarily closed' },
    level: { center: 'Practice center', institute: 'Practice institute', station: 'Practice station' },
  },
  replaced: {
    title: 'This code has been replaced',
    body: 'This code has been replaced. Please scan the current code posted at the site.',
    site: 'Was: {{name}}',
  },
  unknown: {
    title: 'Code not found',
    body: 'This QR code is wrong or no longer valid. Please scan the civic code posted at the site.',
  },
  failed: {
    title: 'Cannot open the page right now',
    body: 'The network or the service has a problem. Please try again later.',
  },
  home: {
    title: 'Wenming',
    body: 'Scan the civic code posted at a practice site to see its introduction, opening hours and contact.',
  },
  volunteer: volunteerText.en,
  teams: teamsText.en,
  school: schoolText.en,
  activities: activitiesText.en,
  participation: participationText.en,
  records: recordsText.en,
  serviceMenu: menuText.en,
};
