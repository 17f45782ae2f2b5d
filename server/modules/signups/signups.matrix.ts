// Policy matrix entries for the signups routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const signupsMatrix: MatrixEntry[] = [];
