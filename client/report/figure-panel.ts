/** Fonts of the figure's furniture: those the print and the screen both have (CJK first). */
export const figureFont = (weight: number, u: number) => `${weight} ${10 * u}px "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;

/**
 * A framed white panel with a bold title line, as the legend and the 位置示意图 use; `titleH` is the
 * height of the title line. Leaves the context as it found it.
 */
export function drawFigurePanel(ctx: CanvasRenderingContext2D, box: { x: number; y: number; w: number; h: number }, title: string, titleH: number, u: number): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#9aa5b1';
  ctx.lineWidth = 1 * u;
  ctx.fillRect(box.x, box.y, box.w, box.h);
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.fillStyle = '#1f2933';
  ctx.textBaseline = 'middle';
  ctx.font = figureFont(700, u);
  ctx.fillText(title, box.x + 6 * u, box.y + 3 * u + titleH / 2);
  ctx.restore();
}
