import { isStayHubError } from '@stayhub/sdk';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { stayHub, TRPCProvider } from './api.ts';
import { isSessionGone } from './errors.ts';
import { sessionGone } from './session-gone.ts';
import './styles.css';

/** Retry what may pass on a second try (network, 5xx); a 4xx answers the same every time. */
function worthRetrying(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return !isStayHubError(error) || error.data.httpStatus >= 500;
}

const onError = (error: unknown) => {
  if (isSessionGone(error)) sessionGone.notify();
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: { queries: { retry: worthRetrying, staleTime: 10_000 } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={stayHub} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
