import { createContext, useContext } from "solid-js";
import type { Me } from "../api/types";

export interface MeContextValue {
  /** The signed-in staff member, their workspace, plan and balance (GET /api/me), loaded by the app shell. */
  me: () => Me;
  refetch: () => void;
}

export const MeContext = createContext<MeContextValue>();

export function useMe(): MeContextValue {
  const context = useContext(MeContext);
  if (!context) throw new Error("useMe must be used inside the signed-in app shell");
  return context;
}
