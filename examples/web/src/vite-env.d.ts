/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The StayHub server's origin for `vite dev` (default http://localhost:3000). */
  readonly VITE_STAYHUB_URL?: string;
}
