/** Screens this narrow show a definition as a full-width sheet at the bottom (see global.css). */
const SHEET_QUERY = '(max-width: 600px)';
/** Gap between the button and the popover, and the margin kept from the viewport's edges (px). */
const GAP = 6;
const MARGIN = 8;
const PLACED = ['top', 'bottom', 'left', 'right', 'max-height', 'max-width'] as const;

/**
 * Places a popover, before it shows, next to the button that opens it: below the button (above
 * when there is more room above), growing towards the side of the viewport with more room, its
 * maximum size the room left. Nothing is measured on the popover, so it can run on `beforetoggle`
 * and the popover never flashes elsewhere. On a small screen the stylesheet shows it as a bottom
 * sheet instead, and inline positions are cleared.
 */
export function placePopover(popover: HTMLElement, anchor: HTMLElement): void {
  const { style } = popover;
  for (const property of PLACED) style.removeProperty(property);
  if (window.matchMedia(SHEET_QUERY).matches) return;
  const button = anchor.getBoundingClientRect();
  const [width, height] = [window.innerWidth, window.innerHeight];
  const roomBelow = height - button.bottom - GAP - MARGIN;
  const roomAbove = button.top - GAP - MARGIN;
  if (roomBelow >= roomAbove) {
    style.top = `${Math.round(button.bottom + GAP)}px`;
    style.bottom = 'auto';
    style.maxHeight = `${Math.round(roomBelow)}px`;
  } else {
    style.top = 'auto';
    style.bottom = `${Math.round(height - button.top + GAP)}px`;
    style.maxHeight = `${Math.round(roomAbove)}px`;
  }
  if (button.left + button.width / 2 <= width / 2) {
    const left = Math.max(MARGIN, button.left);
    style.left = `${Math.round(left)}px`;
    style.right = 'auto';
    style.maxWidth = `${Math.round(width - left - MARGIN)}px`;
  } else {
    const right = Math.max(MARGIN, width - button.right);
    style.left = 'auto';
    style.right = `${Math.round(right)}px`;
    style.maxWidth = `${Math.round(width - right - MARGIN)}px`;
  }
}
