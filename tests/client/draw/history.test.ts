import { describe, expect, it } from 'vitest';
import { SnapshotHistory } from '../../../client/draw/history.ts';

describe('snapshot history (undo/redo)', () => {
  it('undoes and redoes commits in order; a new commit drops the redo branch', () => {
    const h = new SnapshotHistory<string[]>([]);
    h.commit(['a']);
    h.commit(['a', 'b']);
    expect(h.undo()).toEqual(['a']);
    expect(h.undo()).toEqual([]);
    expect(h.canUndo()).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toEqual(['a']);
    h.commit(['a', 'c']);
    expect(h.canRedo()).toBe(false);
    expect(h.current).toEqual(['a', 'c']);
  });

  it('keeps at most `limit` steps', () => {
    const h = new SnapshotHistory<number>(0, 3);
    for (let i = 1; i <= 10; i++) h.commit(i);
    let steps = 0;
    while (h.undo() !== undefined) steps++;
    expect(steps).toBe(3);
    expect(h.current).toBe(7);
  });
});
