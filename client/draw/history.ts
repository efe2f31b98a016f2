/**
 * Undo/redo as a list of snapshots of the whole site. terra-draw's own undo covers the shape being
 * drawn; this covers everything else (finished shapes, edits, deletes, imports, an adopted
 * avoidance suggestion), which terra-draw's session history does not see when features are added
 * through its API.
 */
export class SnapshotHistory<T> {
  private past: T[] = [];
  private future: T[] = [];

  constructor(
    private present: T,
    private readonly limit = 100,
  ) {}

  get current(): T {
    return this.present;
  }

  /** Records a new state; the redo branch is dropped. */
  commit(next: T): void {
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = next;
    this.future = [];
  }

  /** Replaces the present without a history step (e.g. a property change that is not an edit). */
  replace(next: T): void {
    this.present = next;
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): T | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(this.present);
    this.present = previous;
    return previous;
  }

  redo(): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.present);
    this.present = next;
    return next;
  }
}
