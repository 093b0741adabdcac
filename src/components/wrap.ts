/**
 * Long text from the lists (a 255-character title without a space, a 10,000-character
 * comment) must wrap, never push a card, table or panel sideways. `overflow-wrap: anywhere`
 * is inherited and, unlike `break-word`, also lowers the min-content width, so flex items
 * and auto-layout table cells shrink to their room; `word-break: break-word` is the same
 * for browsers that predate `anywhere` (Safari before 15.4).
 */
import { IStyle } from '@fluentui/react/lib/Styling';

export const WRAP_ANYWHERE: IStyle = { overflowWrap: 'anywhere', wordBreak: 'break-word' };

/** Panel styles: the header and the body of the details panels wrap their text. */
export const WRAPPING_PANEL_STYLES: { main: IStyle; headerText: IStyle } = {
  main: WRAP_ANYWHERE,
  headerText: WRAP_ANYWHERE
};

