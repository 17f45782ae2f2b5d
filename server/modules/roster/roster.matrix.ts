// Policy matrix entries for the roster routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const rosterMatrix: MatrixEntry[] = [];
