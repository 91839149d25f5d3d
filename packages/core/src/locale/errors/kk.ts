import type { ErrorKey } from "./en";

export const kk: Record<ErrorKey, string> = {};
