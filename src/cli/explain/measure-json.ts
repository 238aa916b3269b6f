const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** The size of JSON text's structure, which bounds what re-serializing it costs. */
export interface JsonMeasure {
  /** How deeply arrays and objects nest. */
  readonly depth: number;
  /** Arrays and objects. */
  readonly containers: number;
  /** Commas between elements and members. */
  readonly commas: number;
}

/**
 * Measures valid JSON text by scanning it rather than walking the parsed value: JSON.parse copes
 * with any depth, but JSON.stringify and any recursive walk overflow the stack a few thousand
 * levels down, so the depth must be known before either runs.
 */
export function measureJson(text: string): JsonMeasure {
  let level = 0;
  let depth = 0;
  let containers = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      // An escape takes the next character with it, so an escaped quote does not end the string.
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === COMMA) commas++;
    else if (OPENERS.has(code)) {
      containers++;
      depth = Math.max(depth, ++level);
    } else if (CLOSERS.has(code)) level--;
  }
  return { depth, containers, commas };
}

/**
 * An upper bound on the length of `JSON.stringify(JSON.parse(text), null, indent)` for an indent
 * of `width` characters, known before building it: each element and each closing bracket goes
 * on its own line, indented at most `depth` times, and each member gains a space after its colon.
 */
export function indentedLengthBound(text: string, measure: JsonMeasure, width: number): number {
  const lines = measure.commas + 2 * measure.containers;
  return text.length + lines * (1 + width * measure.depth) + measure.commas + measure.containers;
}
