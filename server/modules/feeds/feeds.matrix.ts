// Policy matrix entries for the feeds routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const feedsMatrix: MatrixEntry[] = [];
