/** Which label boxes a human ticked and unticked between two versions of the bot's comment. */
export interface CheckboxState {
  label: string;
  checked: boolean;
}

export function diffCheckboxes(before: readonly CheckboxState[], after: readonly CheckboxState[]): { add: string[]; remove: string[] } {
  const was = new Map(before.map((c) => [c.label, c.checked]));
  const add: string[] = [];
  const remove: string[] = [];
  for (const box of after) {
    const previous = was.get(box.label) ?? false;
    if (box.checked && !previous) add.push(box.label);
    if (!box.checked && previous) remove.push(box.label);
  }
  return { add, remove };
}
