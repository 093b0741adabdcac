import { domainAnchorId } from '../../../model/links';
import { IDomain } from '../../../model/types';

export function anchorFor(d: IDomain): string {
  return domainAnchorId(d.key || String(d.id));
}

/** Scrolls a card into view and focuses its heading (deep links, the domain navigation). */
export function focusCard(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  if (typeof section.scrollIntoView === 'function') section.scrollIntoView({ block: 'start' });
  const heading = section.querySelector('h2') as HTMLElement | null;
  if (heading) heading.focus();
}

/** The button of an action on its card (realisations first, where a moved item lands), else the card's heading. */
export function itemOrCard(anchorId: string, actionId: number): HTMLElement | undefined {
  const section = document.getElementById(anchorId);
  if (!section) return undefined;
  const item =
    section.querySelector(`[data-quadrant$="-realisations"] li[data-item-id="${actionId}"] > button`) ||
    section.querySelector(`li[data-item-id="${actionId}"] > button`) ||
    section.querySelector('h2');
  return (item as HTMLElement | null) || undefined;
}

/**
 * Puts keyboard focus on `find()` once a change has rendered: a closing dialog or panel hands focus
 * back to an element that is gone (the page top). Tried a few times while the data re-renders (a
 * first fallback, the card's heading, gives way to the item once it is there); never taken from an
 * element the user (or a dialog) focused meanwhile.
 */
export function focusSoon(find: () => HTMLElement | undefined): void {
  let mine: Element | undefined;
  // Up to 4 s: on a slow device the re-read after a change can take that long to render the item again.
  for (const ms of [0, 60, 200, 450, 900, 1600, 2600, 4000]) {
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active !== mine) return;
      const el = find();
      if (el && el !== active) {
        el.focus();
        mine = el;
      }
    }, ms);
  }
}
