import type { ErrorKey } from "./en";

export const uk: Record<ErrorKey, string> = {};
