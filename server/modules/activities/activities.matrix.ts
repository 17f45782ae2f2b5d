// Policy matrix entries for the activities routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const activitiesMatrix: MatrixEntry[] = [];
