/**
 * Components SharePoint serves to every page but that are not on npm: React (SharePoint
 * serves its own copy), the Fluent UI bundles and a few `@msinternal` libraries the framework's
 * manifests depend on. The loader loads a component's dependencies before the component, so
 * each must exist; here each is built from the npm package it wraps, or is a stub of only
 * the members the 1.23.2 bundles use (README.md in this folder lists them and why).
 */

export interface IDependency {
  id: string;
  version: string;
}

export interface IShim {
  /** Component id and version exactly as the framework's (and the solution's) manifests reference them. */
  id: string;
  version: string;
  /** The name the bundles `define`-depend on (their scriptResources key). */
  name: string;
  /** Module source (CommonJS, bundled by esbuild); `require` of another shim's name stays a dependency. */
  source: string;
  /** Other components this one requires at run time (resource name -> component). */
  deps?: string[];
}

export const REACT: IDependency = { id: '0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d', version: '17.0.1' };
export const REACT_DOM: IDependency = { id: 'aa0a46ec-1505-43cd-a44a-93f3a5aa460a', version: '17.0.1' };
const FABRIC_REACT = '@ms/office-ui-fabric-react-bundle';
const V9 = '@msinternal/sp-fluentui-v9-utilities-bundle';

/**
 * A stub module: the listed members, and a warning in the console for any other member a
 * bundle reads, so an SPFx upgrade that starts using one shows up at once.
 */
function stub(name: string, members: string): string {
  return `var known = (function () { ${members} })();
module.exports = typeof Proxy === 'undefined' ? known : new Proxy(known, {
  get: function (t, p) {
    if (p in t || typeof p !== 'string' || p === '__esModule' || p === 'default' || p === 'then') return t[p];
    console.warn('[spfx-host] ${name}: member "' + p + '" is not shimmed (dev/spfx-host/README.md)');
    return undefined;
  }
});`;
}

export const SHIMS: IShim[] = [
  { ...REACT, name: 'react', source: `module.exports = require('react');` },
  { ...REACT_DOM, name: 'react-dom', source: `module.exports = require('react-dom');`, deps: ['react'] },
  // Fluent UI v8 under the name SharePoint serves it; the property pane's controls come from it.
  { id: '396bbc17-3d18-4f43-8299-d99720d88e22', version: '1.19.60', name: FABRIC_REACT, source: `module.exports = require('@fluentui/react');`, deps: ['react', 'react-dom'] },
  // The "migration" bundles give v8 components (IconButton, DefaultButton, Label, TooltipHost) under their v8 names.
  ...[
    ['0ad7e31a-8df9-4659-add8-a32c8e40040d', '@msinternal/sp-fluentui-migration-button-bundle'],
    ['ffe5c101-373a-4bd2-bebb-13082852bab0', '@msinternal/sp-fluentui-migration-label-bundle'],
    ['fab65e60-a04f-4772-874c-10691e4afa4b', '@msinternal/sp-fluentui-migration-tooltip-bundle']
  ].map(([id, name]) => ({ id, version: '0.1.0', name, source: `module.exports = require('${FABRIC_REACT}');`, deps: [FABRIC_REACT] })),
  {
    id: '63d75709-2785-4c91-97ad-489b171397d4',
    version: '0.1.0',
    name: '@msinternal/sp-fluentui-migration-reactdom-render-bundle',
    source: `var d = require('react-dom'); module.exports = { render: d.render, unmountComponentAtNode: d.unmountComponentAtNode };`,
    deps: ['react-dom']
  },
  // One copy of Fluent UI v9 (shared contexts and styles); the per-package bundles re-export it.
  { id: '0ec74f52-38bc-4a51-ab82-7c91a2b399a2', version: '0.1.0', name: V9, source: `module.exports = require('@fluentui/react-components');`, deps: ['react', 'react-dom'] },
  ...[
    ['72ec0651-8a26-441c-87f2-77ec66884ca3', 'button'],
    ['f652a763-4d5f-4a08-aed3-d3377ef835ff', 'menu'],
    ['d3139516-bb4d-4141-9d35-a8aefe0272ec', 'field'],
    ['17f3a86d-33ce-4338-8594-8700ee90c494', 'infolabel'],
    ['33c5a798-8532-4741-888a-d0a7734036b5', 'tooltip'],
    ['29728f96-9823-40fa-a481-ffdf106880b1', 'combobox'],
    ['dbdce381-c024-42a0-ab20-4134aca49a27', 'label']
  ].map(([id, pkg]) => ({ id, version: '0.1.0', name: `@msinternal/sp-fluentui-v9-react-${pkg}-bundle`, source: `module.exports = require('${V9}');`, deps: [V9] })),
  // Components the property pane's controls chunk loads by id when it opens (its webpack "compat"
  // chunk map, not its manifest): one Fluent control each. The v8 ones come from the v8 bundle.
  ...[
    ['7763227c-dff4-4ad6-a8bd-4d6e41c3afd8', 'focustrapzone'],
    ['89f063a9-3b5f-4ac2-a3ec-b598f37acb89', 'spinner'],
    ['b9fc293f-811a-4b1c-a851-a1fbcb7851bf', 'customizer'],
    ['111fe4c6-f1c2-4325-a129-3526437cba32', 'link'],
    ['4c7a0268-816b-4ba5-ab33-df85b4bbf18c', 'textfield'],
    ['4a37fff0-2aea-4df6-b0e4-061644a5c355', 'checkbox'],
    ['7f394f7b-0b39-41b0-89b3-16946caa2f33', 'choicegroup'],
    ['9f15c0bf-73f0-4365-a7c0-5b2072882dbb', 'dropdown'],
    ['215395c1-25f7-42ff-967c-8832aff2ab33', 'slider'],
    ['b67b6cf3-ed44-4fad-af6b-3d78f3e35971', 'spinbutton'],
    ['a86b8f98-2f15-4506-b455-c1e9fe8da1bd', 'callout'],
    ['94f059ca-7d9b-46b4-bb97-ec5867cb121a', 'stack']
  ].map(([id, c]) => ({ id, version: '0.1.0', name: `@msinternal/sp-fluentui-v8-${c}-bundle`, source: `module.exports = require('${FABRIC_REACT}');`, deps: [FABRIC_REACT] })),
  // ... and the v9 ones (Switch for toggles, TabList and Overflow for the pane's pages) from the v9 bundle.
  ...[
    ['e7b22f8f-a734-4a67-bd3c-667c8ad8fcbc', 'switch'],
    ['89b85dbe-f07e-424d-88da-a84f647073e2', 'tabs'],
    ['b99a20f7-e090-4a32-a841-7866d0be8d59', 'overflow']
  ].map(([id, c]) => ({ id, version: '0.1.0', name: `@msinternal/sp-fluentui-v9-${c}-bundle`, source: `module.exports = require('${V9}');`, deps: [V9] })),
  {
    id: '17ce0976-e69a-4355-be84-89b69a74717d',
    version: '0.3.65',
    name: '@msinternal/fluentui-v8-utilities-bundle',
    // The pane's theme customizer reads Fluent v8's utilities (Customizer, ...) as `_Utilities`.
    source: `module.exports = { _Utilities: require('${FABRIC_REACT}') };`,
    deps: [FABRIC_REACT]
  },
  {
    id: 'bf211556-3cf0-412c-9618-a4f0e7069ebf',
    version: '0.1.0',
    name: '@msinternal/sp-heading-level',
    // The text web part's heading picker: font size per level.
    source: stub('@msinternal/sp-heading-level', `var sizes = { 1: '28px', 2: '24px', 3: '20px', 4: '16px' };
      return { _DEFAULT_HEADING_LEVEL: 2, _HeadingLevel: function (level) { return { fontSize: sizes[level] || '20px' }; } };`)
  },
  {
    id: '3173fefe-9995-49d1-a75d-a5caeaaba212',
    version: '0.1.0',
    name: '@msinternal/sp-pages-content-panel-context',
    // SharePoint's page content panel (the newer side panel) is not on this page: nothing subscribes,
    // so the property pane uses its classic panel.
    source: stub('@msinternal/sp-pages-content-panel-context', `var noop = function () { return function () {}; };
      var instance = { subscriberContext: undefined, addOnUpdateListener: noop, addOnMountListener: noop, addCommandListener: noop, removeCommandListener: noop };
      return {
        SPPagesContentPanelProviderContext: { getInstance: function () { return instance; } },
        SPPagesContentPanelQOSScenarios: { rendering: 'Rendering', loading: 'Loading' },
        SPPagesContentPanelCommandId: { propertyPaneConfigurationEvent: 'propertyPaneConfigurationEvent', refreshPropertyPane: 'refreshPropertyPane' },
        SPPagesContentPanelPivot: { configurationTools: 'configurationTools', pageDetails: 'pageDetails', pageVibeChat: 'pageVibeChat' },
        getQOSName: function () { return Array.prototype.join.call(arguments, '.'); },
        monitorChunkLoad: function (name, promise) { return promise; }
      };`)
  },
  {
    id: '8494e7d7-6b99-47b2-a741-59873e42f16f',
    version: '13.15.20',
    name: '@msinternal/sp-component-utilities',
    source: stub('@msinternal/sp-component-utilities', `return {
        FAB_TOGGLE_EVT: 'FAB_TOGGLE_EVT',
        ReadingMode: { ReadImmediately: 0, ReadAfterOtherContent: 1 },
        SortableLoader: { GetSortable: function () { return Promise.reject(new Error('Sortable is not available on the local page')); } },
        getTimestampForGettyContent: function () { return new Date().toISOString(); }
      };`)
  },
  {
    id: 'cc2cc925-b5be-41bb-880a-f0f8030c6aff',
    version: '5.6.604',
    name: '@msinternal/odsp-utilities-bundle',
    source: stub('@msinternal/odsp-utilities-bundle', `return { StringHelper: { format: function (s) { var a = Array.prototype.slice.call(arguments, 1);
        return String(s).replace(/\\{(\\d+)\\}/g, function (m, i) { return a[i] === undefined ? m : String(a[i]); }); } } };`)
  },
  {
    id: '42647dee-1f75-4b9f-b521-5c844a6c35cc',
    version: '0.1.0',
    name: '@msinternal/sp-edit-customer-promise',
    // SharePoint's edit-mode telemetry: nothing to report locally.
    source: stub('@msinternal/sp-edit-customer-promise', `function H() {} H.prototype.dispose = function () {};
      return { _logFailuresForEditCustomerPromise: function () {}, _EditModeCustomerPromiseHandler: H };`)
  },
  {
    id: 'c49ba483-7614-4c5c-b9dd-11b45a5fa280',
    version: '0.1.2',
    name: '@msinternal/sp-idle-web-task',
    // Idle-time prefetching of edit-mode web parts (behind flights that are off on this page).
    source: stub('@msinternal/sp-idle-web-task', `function Q() {} Q.prototype.enqueue = function () {}; Q.prototype.cancel = function () {}; Q.prototype.dispose = function () {};
      return { IdleTaskPriority: { High: 0, Normal: 1, Low: 2 }, PrefetchDependencyPriority: { High: 0, Normal: 1, Low: 2 }, IdleTaskQueue: Q,
        createPrefetchDependencyQueue: function () { return new Q(); } };`)
  },
  {
    id: '6d3c733c-8cb7-4871-bb22-b5b37c1d518d',
    version: '0.6.0',
    name: '@msinternal/sp-safehtml',
    // Used by sp-component-base only for server-processed HTML properties, which these web parts do not have.
    source: stub('@msinternal/sp-safehtml', `return { SafeHtml: { sanitize: function (h) { return h; }, create: function (h) { return h; } } };`)
  }
];
