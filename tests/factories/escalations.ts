import type pg from 'pg';

// Entries of the central-level list with their dated histories, written with plain SQL the way
// the app keeps them: escalation holds the current disposition, amount and `selected` mark;
// escalation_inclusion_change, escalation_disposition_change and escalation_selection_change
// hold every step with the date it took effect.

type Db = pg.ClientBase | pg.Pool;

export type DispositionStep = { disposition: string; on: string; amountKzt?: number | null };

export type TestEscalation = { id: number; issueId: number; year: number; half: 1 | 2 };

/**
 * An entry of issue `issueId` on the list of `year`-H`half`, addressed to `centralBodyId`:
 * put on the list on `includedOn` (and taken off on `removedOn`, when given), with its
 * dispositions and `selected` marks in date order. Steps are recorded on the day they took
 * effect, in the order given.
 */
export async function createEscalation(
  db: Db,
  options: {
    issueId: number; year: number; half: 1 | 2; centralBodyId: number;
    includedOn: string; removedOn?: string;
    dispositions?: readonly DispositionStep[];
    marks?: ReadonlyArray<{ on: string; selected: boolean }>;
  },
): Promise<TestEscalation> {
  const dispositions = options.dispositions ?? [];
  const marks = options.marks ?? [];
  const last = dispositions.at(-1);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO escalation (issue_id, year, half, central_body_id, disposition, republican_amount_kzt, selected)
     VALUES ($1, $2, $3, $4, $5::"Disposition", $6, $7) RETURNING id`,
    [options.issueId, options.year, options.half, options.centralBodyId, last?.disposition ?? null, last?.amountKzt ?? null, marks.at(-1)?.selected ?? false],
  );
  const id = rows[0]!.id;
  let n = 0;
  const recorded = (on: string) => new Date(Date.parse(`${on}T06:00:00Z`) + (n += 1) * 1000).toISOString();
  const inclusion = [{ on: options.includedOn, included: true }, ...(options.removedOn ? [{ on: options.removedOn, included: false }] : [])];
  for (const step of inclusion) {
    await db.query(`INSERT INTO escalation_inclusion_change (escalation_id, included, effective_on, recorded_at) VALUES ($1, $2, $3::date, $4)`, [
      id, step.included, step.on, recorded(step.on),
    ]);
  }
  for (const step of dispositions) {
    await db.query(
      `INSERT INTO escalation_disposition_change (escalation_id, disposition, republican_amount_kzt, effective_on, recorded_at) VALUES ($1, $2::"Disposition", $3, $4::date, $5)`,
      [id, step.disposition, step.amountKzt ?? null, step.on, recorded(step.on)],
    );
  }
  for (const step of marks) {
    await db.query(`INSERT INTO escalation_selection_change (escalation_id, selected, effective_on, recorded_at) VALUES ($1, $2, $3::date, $4)`, [
      id, step.selected, step.on, recorded(step.on),
    ]);
  }
  return { id, issueId: options.issueId, year: options.year, half: options.half };
}
