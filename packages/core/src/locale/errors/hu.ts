import type { ErrorKey } from "./en";

export const hu: Record<ErrorKey, string> = {};
