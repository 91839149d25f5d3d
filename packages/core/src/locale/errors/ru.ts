import type { ErrorKey } from "./en";

export const ru: Record<ErrorKey, string> = {};
