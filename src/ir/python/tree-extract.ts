/**
 * Extracts a PythonStructure from a tree-sitter-python syntax tree.
 *
 * The walk uses one TreeCursor and an explicit depth counter instead of recursion over `node.children`:
 * allocating a JS Node object per child is the dominant cost of naive walks, and deep expressions
 * (long `a + b + ...` chains) would overflow the JS stack. Node objects are only created for the
 * few statements that need random access (raise, import, docstring candidates).
 */
import type { Language, Node, Tree, TreeCursor } from "web-tree-sitter";
import { emptyStructure, type PythonStructure } from "./types.js";
import { decodeEscapes, splitStringStart } from "./string-literal.js";

const STRING_TYPES = new Set(["string", "concatenated_string"]);

/** What the walk does with a node type. Reading a numeric type id is much cheaper than the type name. */
const enum Kind {
  Other = 0,
  Identifier,
  Comment,
  Class,
  Function,
  ExpressionStatement,
  String,
  ConcatenatedString,
  Raise,
  Import,
  Error,
  Module,
  Block,
}

const KIND_BY_TYPE: Record<string, Kind> = {
  identifier: Kind.Identifier,
  keyword_identifier: Kind.Identifier,
  comment: Kind.Comment,
  class_definition: Kind.Class,
  function_definition: Kind.Function,
  expression_statement: Kind.ExpressionStatement,
  string: Kind.String,
  concatenated_string: Kind.ConcatenatedString,
  raise_statement: Kind.Raise,
  import_statement: Kind.Import,
  import_from_statement: Kind.Import,
  future_import_statement: Kind.Import,
  ERROR: Kind.Error,
  module: Kind.Module,
  block: Kind.Block,
};

/** Per-language lookup tables, built once per parser. */
export interface NodeKinds {
  kind: Uint8Array;
  /** 1 when the type is a named node that counts as a statement slot (named and not a comment). */
  statement: Uint8Array;
  /** 1 when nodes of the type never have children worth visiting: saves a failing `gotoFirstChild` call. */
  leaf: Uint8Array;
}

/** Named types that are leaves, or whose children hold nothing the extraction reads. */
const LEAF_TYPES = new Set([
  "identifier",
  "keyword_identifier",
  "comment",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "ellipsis",
  "string_start",
  "string_content",
  "string_end",
  "escape_sequence",
  "escape_interpolation",
  "type_conversion",
  "line_continuation",
  "import_prefix",
]);

export function buildNodeKinds(language: Language): NodeKinds {
  const count = language.nodeTypeCount;
  const kind = new Uint8Array(count + 1);
  const statement = new Uint8Array(count + 1);
  const leaf = new Uint8Array(count + 1);
  for (let id = 0; id < count; id++) {
    const type = language.nodeTypeForId(id);
    if (type === null) continue;
    const named = language.nodeTypeIsNamed(id);
    kind[id] = KIND_BY_TYPE[type] ?? Kind.Other;
    statement[id] = named && type !== "comment" ? 1 : 0;
    // Anonymous nodes are tokens (`(`, `def`, `+`): they have no children.
    leaf[id] = !named || LEAF_TYPES.has(type) ? 1 : 0;
  }
  return { kind, statement, leaf };
}

interface Scope {
  kind: "class" | "function";
  name: string;
  depth: number;
}

export interface TreeExtraction {
  structure: PythonStructure;
  /** UTF-16 code units of source covered by ERROR nodes (outermost only). */
  errorLength: number;
}

/** Walks `tree` (parsed from `source`) and collects the structure. Does not delete the tree. */
export function extractFromTree(tree: Tree, source: string, kinds: NodeKinds): TreeExtraction {
  const out = emptyStructure(true);
  const cursor = tree.walk();
  try {
    const errorLength = walk(cursor, source, out, kinds);
    if (tree.rootNode.hasError) out.hasErrors = true;
    return { structure: out, errorLength };
  } finally {
    cursor.delete();
  }
}

function walk(cursor: TreeCursor, source: string, out: PythonStructure, kinds: NodeKinds): number {
  const scopes: Scope[] = [];
  // Per depth: the node kind, and how many statements (named, non-comment children) were seen under it.
  const kindAt: number[] = [];
  const statementsAt: number[] = [];
  let depth = 0;
  let skipIdentifierAt = -1; // start index of the name of the class/function being defined
  let docstringAt = -1; // start index of the string that is a docstring
  let errorDepth = -1;
  let errorLength = 0;

  for (;;) {
    while (scopes.length > 0 && scopes[scopes.length - 1]!.depth >= depth) scopes.pop();
    if (errorDepth >= depth) errorDepth = -1;
    const typeId = cursor.nodeTypeId;
    const kind = kinds.kind[typeId] ?? Kind.Other;
    kindAt[depth] = kind;
    statementsAt[depth] = 0;
    if (depth > 0 && kinds.statement[typeId] === 1) statementsAt[depth - 1] = (statementsAt[depth - 1] ?? 0) + 1;
    let descend = kinds.leaf[typeId] !== 1;

    switch (kind) {
      case Kind.Identifier: {
        const start = cursor.startIndex;
        if (start !== skipIdentifierAt) out.identifiers.push(source.slice(start, identifierEnd(source, start)));
        descend = false;
        break;
      }
      case Kind.Comment: {
        const text = source.slice(cursor.startIndex, cursor.endIndex).replace(/^#+/, "").trim();
        if (text) out.comments.push(text);
        descend = false;
        break;
      }
      case Kind.Class:
      case Kind.Function: {
        const name = readNameField(cursor, source);
        if (name) {
          const line = cursor.startPosition.row + 1;
          skipIdentifierAt = name.start;
          const local = scopes.some((scope) => scope.kind === "function") ? ({ local: true } as const) : {};
          if (kind === Kind.Class) {
            out.classes.push({ name: name.text, line, ...local });
          } else {
            const owner = scopes[scopes.length - 1];
            out.functions.push(owner?.kind === "class" ? { name: name.text, line, className: owner.name, ...local } : { name: name.text, line, ...local });
          }
          scopes.push({ kind: kind === Kind.Class ? "class" : "function", name: name.text, depth });
        }
        break;
      }
      case Kind.ExpressionStatement: {
        if (isDocstringPosition(kindAt, statementsAt, depth)) {
          const node = cursor.currentNode;
          const only = node.namedChildCount === 1 ? node.namedChild(0) : null;
          if (only && STRING_TYPES.has(only.type)) docstringAt = only.startIndex;
        }
        break;
      }
      case Kind.String:
      case Kind.ConcatenatedString: {
        if (kind === Kind.String && kindAt[depth - 1] === Kind.ConcatenatedString) break; // joined by the parent
        const literal = kind === Kind.String ? readString(cursor, source) : readConcatenated(cursor, source);
        if (cursor.startIndex === docstringAt) {
          out.docstrings.push(literal.text);
        } else if (literal.text) {
          out.strings.push({ text: literal.text, line: cursor.startPosition.row + 1 });
        }
        descend = literal.interpolated; // identifiers inside f-string interpolations count
        break;
      }
      case Kind.Raise:
        collectRaise(cursor.currentNode, source, out);
        break;
      case Kind.Import:
        collectImports(cursor.currentNode, out);
        break;
      case Kind.Error:
        if (errorDepth < 0) {
          errorDepth = depth;
          errorLength += cursor.endIndex - cursor.startIndex;
        }
        break;
      default:
        break;
    }

    if (descend && cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return errorLength;
      depth--;
    }
  }
}

/** End of the identifier starting at `start`, found in JS (reading `endIndex` would cost a WASM call). */
function identifierEnd(source: string, start: number): number {
  let i = start;
  for (; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
    if (!word) break;
  }
  return i;
}

/** A docstring is the first statement of the module or of a class/function body. */
function isDocstringPosition(kindAt: number[], statementsAt: number[], depth: number): boolean {
  if (depth < 1 || statementsAt[depth - 1] !== 1) return false;
  const parent = kindAt[depth - 1];
  if (parent === Kind.Module) return true;
  const owner = kindAt[depth - 2];
  return parent === Kind.Block && (owner === Kind.Class || owner === Kind.Function);
}

/** Reads the `name:` child of the current definition; leaves the cursor where it was. */
function readNameField(cursor: TreeCursor, source: string): { text: string; start: number } | null {
  if (!cursor.gotoFirstChild()) return null;
  let found: { text: string; start: number } | null = null;
  do {
    if (cursor.currentFieldName === "name") {
      found = { text: source.slice(cursor.startIndex, cursor.endIndex), start: cursor.startIndex };
      break;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

interface Literal {
  text: string;
  /** The literal has f-string replacement fields (whose expressions hold identifiers). */
  interpolated: boolean;
}

/** Text of the `string` node under the cursor; interpolations become `{}`. Leaves the cursor in place. */
function readString(cursor: TreeCursor, source: string): Literal {
  const literal: Literal = { text: "", interpolated: false };
  if (!cursor.gotoFirstChild()) return literal;
  let raw = false;
  do {
    const t = cursor.nodeType;
    if (t === "string_start") {
      raw = splitStringStart(source.slice(cursor.startIndex, cursor.endIndex)).prefix.includes("r");
    } else if (t === "string_content") {
      const body = source.slice(cursor.startIndex, cursor.endIndex);
      literal.text += raw ? body : decodeEscapes(body);
    } else if (t === "interpolation") {
      literal.text += "{}";
      literal.interpolated = true;
    } else if (t === "escape_sequence") {
      literal.text += decodeEscapes(source.slice(cursor.startIndex, cursor.endIndex));
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return literal;
}

function readConcatenated(cursor: TreeCursor, source: string): Literal {
  const literal: Literal = { text: "", interpolated: false };
  if (!cursor.gotoFirstChild()) return literal;
  do {
    if (cursor.nodeType === "string") {
      const part = readString(cursor, source);
      literal.text += part.text;
      literal.interpolated ||= part.interpolated;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return literal;
}

/** The message a raise argument spells out: a literal, a `%`/`.format` template or a `+` concatenation. */
function messageOf(node: Node | null, text: (n: Node) => string, budget = 8): string | undefined {
  if (!node || budget <= 0) return undefined;
  switch (node.type) {
    case "string":
    case "concatenated_string":
      return text(node);
    case "parenthesized_expression":
      return messageOf(node.namedChild(0), text, budget - 1);
    case "binary_operator": {
      const op = node.childForFieldName("operator")?.type;
      const left = messageOf(node.childForFieldName("left"), text, budget - 1);
      if (op === "%") return left;
      if (op === "+") {
        const right = messageOf(node.childForFieldName("right"), text, budget - 1);
        if (left === undefined && right === undefined) return undefined;
        return (left ?? "{}") + (right ?? "{}");
      }
      return undefined;
    }
    case "call": {
      const fn = node.childForFieldName("function");
      if (fn?.type === "attribute") {
        const attr = fn.childForFieldName("attribute")?.text;
        if (attr === "format") return messageOf(fn.childForFieldName("object"), text, budget - 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function collectRaise(node: Node, source: string, out: PythonStructure): void {
  const expr = node.namedChild(0);
  if (!expr || expr.type === "comment") return; // bare re-raise
  const line = node.startPosition.row + 1;
  const text = (n: Node): string => {
    const cursor = n.walk();
    try {
      return (n.type === "string" ? readString(cursor, source) : readConcatenated(cursor, source)).text;
    } finally {
      cursor.delete();
    }
  };
  if (expr.type === "call") {
    const fn = expr.childForFieldName("function");
    const args = expr.childForFieldName("arguments");
    const first = args?.namedChildren.find((c) => c.type !== "comment" && c.type !== "keyword_argument") ?? null;
    const message = messageOf(first, text);
    out.raises.push(message !== undefined ? { line, exception: fn?.text ?? expr.text, message } : { line, exception: fn?.text ?? expr.text });
  } else {
    out.raises.push({ line, exception: expr.text });
  }
}

function collectImports(node: Node, out: PythonStructure): void {
  if (node.type === "import_statement") {
    for (const child of node.childrenForFieldName("name")) {
      const dotted = child.type === "aliased_import" ? child.childForFieldName("name") : child;
      if (dotted) out.imports.push(dotted.text);
    }
    return;
  }
  if (node.type === "future_import_statement") {
    out.imports.push("__future__");
    return;
  }
  const moduleNode = node.childForFieldName("module_name");
  if (!moduleNode) return;
  const moduleName = moduleNode.text.replace(/\s+/g, "");
  out.imports.push(moduleName);
  const join = moduleName.endsWith(".") ? "" : ".";
  for (const child of node.childrenForFieldName("name")) {
    const dotted = child.type === "aliased_import" ? child.childForFieldName("name") : child;
    if (dotted) out.imports.push(moduleName + join + dotted.text);
  }
}
