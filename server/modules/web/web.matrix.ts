// Policy matrix entries for the web UI routes: all public (the pages themselves; data comes from the API).
import type { MatrixEntry } from '../../testing/matrix';

export const webMatrix: MatrixEntry[] = ['/', '/admin', '/m', '/admin/*', '/m/*', '/c/:token', '/assets/*'].map((url) => ({
  route: `GET ${url}`,
  kind: 'public' as const,
}));
