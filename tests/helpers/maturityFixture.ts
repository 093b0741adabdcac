/** What the maturity tests share: the local users, two leidraad themes with objectives, two domains. */
import { IMaturityData } from '../../src/model/maturity';

export const ANN = { id: 7, title: 'Ann Janssens' };
export const PIETER = { id: 8, title: 'Pieter De Smet' };
export const SOFIE = { id: 9, title: 'Sofie Maes' };

/** Theme 1 scored as a whole; theme 3 (in domain 2) through its objectives 3.1 and 3.2. */
export function fixtureBase(): Pick<IMaturityData, 'themes' | 'objectives' | 'domains'> {
  return {
    themes: [
      { id: 1, number: 1, title: 'Doelstellingen en procesmanagement' },
      { id: 3, number: 3, title: 'Monitoring', domainId: 2 }
    ],
    objectives: [
      { id: 31, themeId: 3, code: '3.1', text: 'Doelstelling drie-een' },
      { id: 32, themeId: 3, code: '3.2', text: 'Doelstelling drie-twee' }
    ],
    domains: [
      { id: 1, title: 'Organisatiecultuur' },
      { id: 2, title: 'Bereiken doelstellingen' }
    ]
  };
}

/** A scoring unit's element on the page (`t:<theme>` or `o:<objective>`). */
export function unitElement(container: HTMLElement, key: string): HTMLElement {
  const el = container.querySelector(`[data-unit="${key}"]`) as HTMLElement | null;
  if (!el) throw new Error(`no unit ${key}`);
  return el;
}
