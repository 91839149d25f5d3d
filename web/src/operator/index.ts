import { withStrings } from "../i18n";

/**
 * The operator console's routes for web/src/app.tsx. Each is loaded when first visited: workspace staff never
 * download the console, and operators download only the pages they open.
 */
export const OperatorConsole = withStrings(["operator"], () => import("./layout").then((m) => m.OperatorConsole));
export const OperatorLayout = withStrings(["operator"], () => import("./layout").then((m) => m.OperatorLayout));
export const OperatorNotFoundPage = withStrings(["operator"], () => import("./layout").then((m) => m.OperatorNotFoundPage));
export const OperatorLoginPage = withStrings(["operator"], () => import("./pages/login").then((m) => m.OperatorLoginPage));
export const OperatorWorkspacesPage = withStrings(["operator"], () => import("./pages/workspaces").then((m) => m.OperatorWorkspacesPage));
export const OperatorWorkspacePage = withStrings(["operator"], () => import("./pages/workspace").then((m) => m.OperatorWorkspacePage));
export const OperatorTopUpRequestsPage = withStrings(["operator"], () => import("./pages/top-up-requests").then((m) => m.OperatorTopUpRequestsPage));
export const OperatorPlansPage = withStrings(["operator"], () => import("./pages/plans").then((m) => m.OperatorPlansPage));
export const OperatorEventsPage = withStrings(["operator"], () => import("./pages/events").then((m) => m.OperatorEventsPage));
export const OperatorReactionsPage = withStrings(["operator"], () => import("./pages/reactions").then((m) => m.OperatorReactionsPage));
