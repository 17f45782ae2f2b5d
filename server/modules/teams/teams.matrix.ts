// Policy matrix entries for the teams routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const teamsMatrix: MatrixEntry[] = [];
