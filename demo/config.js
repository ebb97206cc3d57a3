// Runs first thing in <body>, before the library's loader looks at the page: puts the <lenig-config> for
// the local backend `npm start` runs (window.LENIG_DEMO, from /demo-config.js) on the page, as an intranet
// page has it in its HTML. Made by a script only because the ports are known once the backend runs. Being
// there when /lenig.js first scans the page lets Firebase download and the sign-in start alongside the
// widgets' code, instead of after the page's own script has run.
(function () {
  var demo = window.LENIG_DEMO;
  if (!demo) return;
  var config = document.createElement('lenig-config');
  config.setAttribute('emulator-database', demo.databaseURL);
  // `npm start -- --firestore`: the same demo on Cloud Firestore's emulator.
  if (demo.database === 'firestore') {
    config.setAttribute('database', 'firestore');
    config.setAttribute('emulator-firestore', demo.firestoreHost);
  }
  config.setAttribute('emulator-auth', demo.authEmulatorURL);
  config.setAttribute('project-id', demo.projectId);
  if (demo.apiKey) config.setAttribute('api-key', demo.apiKey);
  config.setAttribute('auth', 'email');
  document.body.prepend(config);
})();
