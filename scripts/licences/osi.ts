/** Whether an SPDX licence expression is open source: every AND branch, or one OR branch, OSI-approved. */
import parse from "spdx-expression-parse";
import spdx from "spdx-license-list";

type Node = { license: string; plus?: boolean; exception?: string } | { conjunction: "and" | "or"; left: Node; right: Node };

const isOsiApproved = (id: string): boolean => (spdx as Partial<Record<string, { osiApproved: boolean }>>)[id]?.osiApproved === true;

function approved(node: Node): boolean {
  if ("license" in node) return isOsiApproved(node.license);
  return node.conjunction === "and" ? approved(node.left) && approved(node.right) : approved(node.left) || approved(node.right);
}

/** false for a missing, unparsable or non-SPDX licence: an unknown licence is not open source until read. */
export function isOpenSource(expression: string): boolean {
  if (!expression.trim()) return false;
  try {
    return approved(parse(expression));
  } catch {
    return false;
  }
}
