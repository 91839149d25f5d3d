import { lazy } from "solid-js";

/**
 * The operator console's routes for web/src/app.tsx. Each is loaded when first visited: workspace staff never
 * download the console, and operators download only the pages they open.
 */
export const OperatorConsole = lazy(() => import("./layout").then((m) => ({ default: m.OperatorConsole })));
export const OperatorLayout = lazy(() => import("./layout").then((m) => ({ default: m.OperatorLayout })));
export const OperatorNotFoundPage = lazy(() => import("./layout").then((m) => ({ default: m.OperatorNotFoundPage })));
export const OperatorLoginPage = lazy(() => import("./pages/login").then((m) => ({ default: m.OperatorLoginPage })));
export const OperatorWorkspacesPage = lazy(() => import("./pages/workspaces").then((m) => ({ default: m.OperatorWorkspacesPage })));
export const OperatorWorkspacePage = lazy(() => import("./pages/workspace").then((m) => ({ default: m.OperatorWorkspacePage })));
export const OperatorTopUpRequestsPage = lazy(() => import("./pages/top-up-requests").then((m) => ({ default: m.OperatorTopUpRequestsPage })));
export const OperatorPlansPage = lazy(() => import("./pages/plans").then((m) => ({ default: m.OperatorPlansPage })));
export const OperatorEventsPage = lazy(() => import("./pages/events").then((m) => ({ default: m.OperatorEventsPage })));
export const OperatorReactionsPage = lazy(() => import("./pages/reactions").then((m) => ({ default: m.OperatorReactionsPage })));
