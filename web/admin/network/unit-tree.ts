// Turns the flat, code-ordered unit list of /api/network/tree into a nested tree. Units whose parent is out of
// the caller's scope become roots, so a station admin's tree starts at the station.
import type { TreeUnit } from '../../api/types';

export type UnitNode = TreeUnit & { children: UnitNode[] };

export function buildUnitTree(units: TreeUnit[]): { roots: UnitNode[]; byId: Map<string, UnitNode> } {
  const byId = new Map<string, UnitNode>();
  for (const u of units) byId.set(u.id, { ...u, children: [] });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: UnitNode, b: UnitNode) => a.code.localeCompare(b.code);
  const sortDeep = (ns: UnitNode[]) => {
    ns.sort(byCode);
    ns.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return { roots, byId };
}

/** Sites in the unit and all its descendants. */
export function subtreeSiteCount(node: UnitNode): number {
  if (node.subtreeSiteCount !== undefined) return node.subtreeSiteCount;
  return node.siteCount + node.children.reduce((s, c) => s + subtreeSiteCount(c), 0);
}

/** The institute a unit belongs to (itself for an institute), for colouring by street. */
export function instituteOf(unitId: string, byId: Map<string, UnitNode>): UnitNode | undefined {
  let n = byId.get(unitId);
  while (n && n.level !== 'institute') n = n.parentId ? byId.get(n.parentId) : undefined;
  return n;
}

export function matchesUnit(node: TreeUnit, q: string): boolean {
  const s = q.trim().toLowerCase();
  return !s || node.name.toLowerCase().includes(s) || node.code.startsWith(s);
}

/** A unit's name without the standard suffix, for tight spaces: "永中街道新时代文明实践所" → "永中街道". */
export function shortUnitName(name: string): string {
  return name.replace(/(新时代)?文明实践(中心|所|站)$/, '') || name;
}

/** The first free child code under a unit: its code plus the next 3-digit number after its children's. */
export function nextChildCode(parent: UnitNode): string {
  const used = parent.children.map((c) => Number(c.code.slice(parent.code.length))).filter(Number.isFinite);
  const next = (used.length ? Math.max(...used) : 0) + 1;
  return parent.code + String(Math.min(next, 999)).padStart(3, '0');
}
