/** Fullscreen of an element (the app: panel and map). */
export function toggleFullscreen(element: HTMLElement): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void element.requestFullscreen?.();
}
