/**
 * A pre-scan of an estate file's JSON text, before JSON.parse: without recursion (a file nested 100,000 arrays deep
 * must be refused, not end in "Maximum call stack size exceeded"), it refuses nesting deeper than
 * {@link MAX_JSON_DEPTH} and a key given twice in one object (JSON.parse keeps the last one silently). Text that is
 * not JSON is left to JSON.parse, which says where it breaks.
 */
import { formatPath } from "./path-format";

/** Deepest nesting an estate file may have; the schema itself needs about 6 levels. */
export const MAX_JSON_DEPTH = 64;

interface Frame {
  readonly kind: "{" | "[";
  readonly keys: Map<string, number>;
  expectKey: boolean;
  key?: string;
  index: number;
}

const segments = (stack: readonly Frame[]): (string | number)[] =>
  stack.slice(0, -1).map((f) => (f.kind === "{" ? f.key ?? "" : f.index));

/** The problems of `text` as problem lines (field path first); empty when it has none of them. */
export function scanJsonText(text: string): string[] {
  const problems: string[] = [];
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.kind === "{" && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          return problems; // not JSON: JSON.parse reports it
        }
        const first = top.keys.get(key);
        if (first !== undefined) {
          const path = formatPath([...segments(stack), key]);
          problems.push(`${path}: duplicate key: given at line ${first} and again at line ${line}; a key may appear once in an object ` +
            `(JSON keeps only the last, silently); got ${JSON.stringify(key)} twice`);
        } else top.keys.set(key, line);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      stack.push({ kind: c, keys: new Map(), expectKey: c === "{", index: 0 });
      if (stack.length > MAX_JSON_DEPTH) {
        const path = segments(stack);
        const shown = path.length > 4 ? `${formatPath(path.slice(0, 4))}...` : formatPath(path);
        return [`${shown}: nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}; an estate file nests objects and ` +
          `lists at most ${MAX_JSON_DEPTH} levels deep; got a level ${MAX_JSON_DEPTH + 1}`];
      }
    } else if (c === "}" || c === "]") stack.pop();
    else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "{") top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return problems;
}
