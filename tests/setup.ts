import '@testing-library/jest-dom';
import { setIconOptions } from '@fluentui/react/lib/Styling';

setIconOptions({ disableWarnings: true });

// jsdom lacks TextEncoder/TextDecoder, which every browser SharePoint supports has.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
if (typeof (globalThis as { TextEncoder?: unknown }).TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}
