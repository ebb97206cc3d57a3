// A stand-in for SharePoint's page runtime, just enough to run the lenig web parts from the .sppkg:
// an AMD `define` that hands the bundle stubs of the three SPFx modules it imports, and a context per
// web part (its DOM element, properties, page context, property pane and an Entra ID token provider) and
// its display mode (read, or edit as when an editor edits the page). Loaded as a file from the page's own
// origin: the page allows no inline script, like SharePoint Online.
(() => {
  const config = JSON.parse(document.getElementById('spfx-stub').textContent);
  const paneField = (type) => (targetProperty, properties) => ({ type, targetProperty, properties });
  const modules = {
    '@microsoft/sp-core-library': { Version: { parse: (v) => ({ toString: () => v }) }, DisplayMode: { Read: 1, Edit: 2 } },
    '@microsoft/sp-property-pane': {
      PropertyPaneTextField: paneField('text'),
      PropertyPaneDropdown: paneField('dropdown'),
      PropertyPaneSlider: paneField('slider'),
      PropertyPaneToggle: paneField('toggle'),
    },
    '@microsoft/sp-webpart-base': {
      BaseClientSideWebPart: class {
        get domElement() {
          return this.context.domElement;
        }
        get displayMode() {
          return this._displayMode ?? 1;
        }
        // As SPFx: the page switches the mode, the web part's onDisplayModeChanged re-renders by default.
        _internalSetDisplayMode(mode) {
          if (this.displayMode === mode) return;
          const old = this.displayMode;
          this._displayMode = mode;
          this.onDisplayModeChanged(old);
        }
        onDisplayModeChanged() {
          this.render();
        }
        onInit() {
          return Promise.resolve();
        }
        onPropertyPaneConfigurationStart() {}
        onPropertyPaneConfigurationComplete() {}
        onDispose() {}
      },
    },
  };
  let resolveBundle;
  const bundle = new Promise((resolve) => (resolveBundle = resolve));
  window.define = (deps, factory) => resolveBundle(factory(...deps.map((d) => modules[d])));
  window.define.amd = {};

  const script = document.createElement('script');
  script.src = config.bundleUrl;
  script.onerror = () => console.error(`stub: the bundle ${config.bundleUrl} did not load`);
  document.head.append(script);

  // Entra ID's refusal (e.g. "AADSTS500011: …") becomes the error's message, as AadTokenProvider's does.
  const tokenProvider = {
    getToken: (resource) =>
      fetch(`/_test/entra-token?resource=${encodeURIComponent(resource)}`).then(async (r) => {
        if (!r.ok) throw new Error((await r.text()) || `no token for ${resource}`);
        return r.text();
      }),
  };

  bundle
    .then(async (exports) => {
      window.lenigWebParts = [];
      for (const spec of config.webParts) {
        // Each web part's module in the shared bundle, under its manifest's exportName.
        const module = exports[spec.exportName];
        const WebPart = module.default || module;
        const part = new WebPart();
        let paneOpen = false;
        part.context = {
          domElement: document.getElementById(spec.element),
          pageContext: {
            // The site the page belongs to, e.g. https://contoso.sharepoint.com/sites/intranet.
            web: { absoluteUrl: location.origin + (config.webPath || '') },
            cultureInfo: { currentUICultureName: config.culture, currentCultureName: config.culture },
          },
          aadTokenProviderFactory: { getTokenProvider: () => Promise.resolve(tokenProvider) },
          // What an editor does with the pane: open() and close() are the test's, the events SPFx's.
          propertyPane: {
            isPropertyPaneOpen: () => paneOpen,
            open: () => {
              paneOpen = true;
              part.onPropertyPaneConfigurationStart();
            },
            close: () => {
              paneOpen = false;
              part.onPropertyPaneConfigurationComplete();
            },
          },
        };
        part.properties = spec.properties;
        if (config.displayMode === 'edit') part._displayMode = 2;
        await part.onInit();
        part.render();
        if (config.theme) part.onThemeChanged(config.theme);
        window.lenigWebParts.push(part);
      }
      document.body.dataset.stub = 'ready';
    })
    .catch((e) => console.error(`stub: ${e && e.message}`));
})();
