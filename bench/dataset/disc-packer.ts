/**
 * Places discs without overlap (random sequential addition on a uniform grid). Each star polygon
 * lies inside the disc of its largest radius, so disjoint discs give a layer whose features never
 * overlap or touch, as in a dissolved official layer.
 */
export class DiscPacker {
  private readonly cells = new Map<number, number[]>();
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private readonly rs: number[] = [];

  constructor(
    private readonly cellM: number,
    private readonly gapM: number,
  ) {}

  private keyOf(ix: number, iy: number): number {
    return ix * 1_000_003 + iy;
  }

  private cellRange(x: number, y: number, r: number) {
    const c = this.cellM;
    return { ix0: Math.floor((x - r) / c), ix1: Math.floor((x + r) / c), iy0: Math.floor((y - r) / c), iy1: Math.floor((y + r) / c) };
  }

  fits(x: number, y: number, r: number): boolean {
    const reach = r + this.gapM;
    const { ix0, ix1, iy0, iy1 } = this.cellRange(x, y, reach);
    for (let ix = ix0; ix <= ix1; ix++) {
      for (let iy = iy0; iy <= iy1; iy++) {
        for (const i of this.cells.get(this.keyOf(ix, iy)) ?? []) {
          const d = reach + this.rs[i];
          const dx = x - this.xs[i], dy = y - this.ys[i];
          if (dx * dx + dy * dy < d * d) return false;
        }
      }
    }
    return true;
  }

  add(x: number, y: number, r: number): void {
    const i = this.xs.length;
    this.xs.push(x);
    this.ys.push(y);
    this.rs.push(r);
    const { ix0, ix1, iy0, iy1 } = this.cellRange(x, y, r);
    for (let ix = ix0; ix <= ix1; ix++) {
      for (let iy = iy0; iy <= iy1; iy++) {
        const key = this.keyOf(ix, iy);
        const list = this.cells.get(key);
        if (list) list.push(i);
        else this.cells.set(key, [i]);
      }
    }
  }
}
