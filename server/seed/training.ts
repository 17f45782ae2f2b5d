// Demo volunteer school: courses, sessions, attendance and qualifications for part of the seeded volunteers.
import type { Tx } from '../db/client';

export async function seedTraining(_tx: Tx, _o: { volunteers: { id: string; homeUnitCode: string }[]; now: Date }): Promise<void> {}
