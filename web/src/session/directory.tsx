import { createContext, createMemo, createResource, useContext, type JSX, type Resource } from "solid-js";
import { Frontline } from "../api/client";
import type { DepartmentInfo, StaffInfo, TicketCounts } from "../api/types";
import { seesAllDepartments } from "../tickets/lifecycle";
import { useMe } from "./me";

/**
 * What every console page needs to name things: the staff (for assignees), the departments, and the queue counts
 * (the sidebar and the nav badge). Loaded once per signed-in session by the app shell; pages refetch after changes.
 */
export interface Directory {
  staff: Resource<StaffInfo[]>;
  departments: Resource<DepartmentInfo[]>;
  counts: Resource<TicketCounts>;
  refetchStaff: () => void;
  refetchDepartments: () => void;
  refetchCounts: () => void;
  staffById: (staffId: string | undefined | null) => StaffInfo | undefined;
  departmentById: (departmentId: string | undefined | null) => DepartmentInfo | undefined;
  /** The departments whose tickets the signed-in person sees and may file tickets in (archived ones left out). */
  myDepartments: () => DepartmentInfo[];
}

const DirectoryContext = createContext<Directory>();

export function DirectoryProvider(props: { children: JSX.Element }) {
  const { me } = useMe();
  const [staff, { refetch: refetchStaff }] = createResource(async () => (await Frontline.staff()).staff);
  const [departments, { refetch: refetchDepartments }] = createResource(async () => (await Frontline.departments()).departments);
  const [counts, { refetch: refetchCounts }] = createResource(() => Frontline.ticketCounts());

  const staffMap = createMemo(() => new Map((staff.latest ?? []).map((s) => [s.staffId, s])));
  const departmentMap = createMemo(() => new Map((departments.latest ?? []).map((d) => [d.departmentId, d])));
  const myDepartments = createMemo(() => {
    const self = me().staff;
    return (departments.latest ?? []).filter(
      (d) => !d.archivedAt && (seesAllDepartments(self.role) || self.departmentIds.includes(d.departmentId)),
    );
  });

  const value: Directory = {
    staff,
    departments,
    counts,
    refetchStaff: () => void refetchStaff(),
    refetchDepartments: () => void refetchDepartments(),
    refetchCounts: () => void refetchCounts(),
    staffById: (staffId) => (staffId ? staffMap().get(staffId) : undefined),
    departmentById: (departmentId) => (departmentId ? departmentMap().get(departmentId) : undefined),
    myDepartments,
  };
  return <DirectoryContext.Provider value={value}>{props.children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const context = useContext(DirectoryContext);
  if (!context) throw new Error("useDirectory must be used inside the signed-in app shell");
  return context;
}
