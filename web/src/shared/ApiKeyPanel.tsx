/**
 * Where the API key is entered, once per browser tab: shown when the gateway answered 401, or
 * when the reader asks for it. The key is kept in sessionStorage only (apollo/api-key.ts).
 */
import { useApolloClient } from '@apollo/client/react';
import { useState, useSyncExternalStore } from 'react';
import { apiKeyNeeded, forgetApiKey, readApiKey, saveApiKey, subscribeApiKey } from '../apollo/api-key';

export function ApiKeyPanel() {
  const client = useApolloClient();
  const needed = useSyncExternalStore(subscribeApiKey, apiKeyNeeded);
  const stored = useSyncExternalStore(subscribeApiKey, () => readApiKey() !== undefined);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');

  if (!needed && !open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {stored ? 'API key set' : 'API key'}
      </button>
    );
  }
  return (
    <form
      className="api-key"
      aria-label="API key"
      onSubmit={(event) => {
        event.preventDefault();
        if (!draft.trim()) return;
        saveApiKey(draft);
        setDraft('');
        setOpen(false);
        void client.resetStore();
      }}
    >
      <label>
        {needed ? 'This LeadGraph needs an API key' : 'API key'}
        <input type="password" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit">Use key</button>
      {stored ? (
        <button
          type="button"
          onClick={() => {
            forgetApiKey();
            setOpen(false);
            void client.resetStore();
          }}
        >
          Forget key
        </button>
      ) : null}
      {!needed ? (
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Close
        </button>
      ) : null}
      <p className="hint">Kept in this tab only (session storage), sent as a Bearer token.</p>
    </form>
  );
}
