import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The root entry defines every element and exports configure().
import { configure } from 'lenig';
import { App } from './App.tsx';

const params = new URLSearchParams(location.search);
const database = params.get('database') ?? undefined;
configure({
  firebase: { apiKey: 'demo-key', projectId: params.get('project') ?? 'demo-lenig', databaseURL: database },
  emulator: { database, auth: params.get('auth') ?? undefined },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
