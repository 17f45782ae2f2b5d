// Policy matrix entries for the attendance routes (see server/testing/matrix.ts).
import type { MatrixEntry } from '../../testing/matrix';

export const attendanceMatrix: MatrixEntry[] = [];
