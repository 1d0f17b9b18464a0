import { createStayHubClient, type StayHubRouter } from '@stayhub/sdk';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * The session token lives in this module only — in memory, as the SDK README advises: no localStorage,
 * where any script on the page could read it. A reload signs the user out.
 */
let sessionToken: string | null = null;

export function setSessionToken(token: string | null): void {
  sessionToken = token;
}

/** The served page talks to the origin that served it; `vite dev` to VITE_STAYHUB_URL or port 3000. */
const apiUrl =
  import.meta.env.VITE_STAYHUB_URL ??
  (import.meta.env.DEV ? 'http://localhost:3000' : window.location.origin);

export const stayHub = createStayHubClient({ url: apiUrl, token: () => sessionToken });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<StayHubRouter>();
