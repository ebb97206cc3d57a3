// A stand-in for SharePoint's page runtime, just enough to run the lenig web parts from the .sppkg:
// an AMD `define` that hands the bundle stubs of the three SPFx modules it imports, and a context per
// web part (its DOM element, properties, page context and an Entra ID token provider). Loaded as a
// file from the page's own origin: the page allows no inline script, like SharePoint Online.
(() => {
  const config = JSON.parse(document.getElementById('spfx-stub').textContent);
  const paneField = (type) => (targetProperty, properties) => ({ type, targetProperty, properties });
  const modules = {
    '@microsoft/sp-core-library': { Version: { parse: (v) => ({ toString: () => v }) } },
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
        onInit() {
          return Promise.resolve();
        }
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

  const tokenProvider = {
    getToken: (resource) =>
      fetch(`/_test/entra-token?resource=${encodeURIComponent(resource)}`).then((r) => {
        if (!r.ok) throw new Error(`no token for ${resource}`);
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
        part.context = {
          domElement: document.getElementById(spec.element),
          pageContext: {
            web: { absoluteUrl: location.origin },
            cultureInfo: { currentUICultureName: config.culture, currentCultureName: config.culture },
          },
          aadTokenProviderFactory: { getTokenProvider: () => Promise.resolve(tokenProvider) },
        };
        part.properties = spec.properties;
        await part.onInit();
        part.render();
        if (config.theme) part.onThemeChanged(config.theme);
        window.lenigWebParts.push(part);
      }
      document.body.dataset.stub = 'ready';
    })
    .catch((e) => console.error(`stub: ${e && e.message}`));
})();
