// The renderer's entry: one store, one bridge (Electron IPC or WebSocket), one app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge';
import { AppContextValue } from './store/context';
import { attach, createAppStore } from './store/store';
import './styles.css';

const store = createAppStore();
let connectedBefore = false;
const bridge = connectBridge((connection) => {
  store.setState({ connection });
  if (connection !== 'open') return;
  // After a reconnect, ask for the session and the log again (the first hello is sent by attach).
  if (connectedBefore) void bridge.request({ kind: 'hello' });
  connectedBefore = true;
});
attach(store, bridge, () => performance.now());

// End-to-end tests and benchmarks drive the engine directly when the page is opened with
// `?automation` (browser mode only; the desktop app never has a query string).
if (new URLSearchParams(location.search).has('automation')) {
  Object.assign(window, { trackerLabAutomation: { request: bridge.request, state: () => store.getState() } });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContextValue.Provider value={{ store, bridge }}>
      <App />
    </AppContextValue.Provider>
  </StrictMode>,
);
