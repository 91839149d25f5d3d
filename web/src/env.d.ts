/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Domain of the tenants' inbound addresses, for the sign-up preview (default frontline.localhost). */
  readonly VITE_INBOUND_DOMAIN?: string;
}
