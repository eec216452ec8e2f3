// The check-in wizard's steps, as the state machine, the funnel and the pages name them.

export const STEPS = ["lookup", "details", "parking", "confirm", "completed", "error", "expired"] as const;
export type StepName = (typeof STEPS)[number];

/** Steps a guest may go back to and change until Confirm succeeds. */
export const EDITABLE_STEPS = ["details", "parking"] as const;
export type EditableStep = (typeof EDITABLE_STEPS)[number];

/** Step numbers as the guest sees them ("Step N of 4"); also the funnel's step_reached. */
export const STEP_NUMBER: Record<StepName, number> = {
  lookup: 1,
  details: 2,
  parking: 3,
  confirm: 4,
  completed: 4,
  error: 4,
  expired: 4,
};
