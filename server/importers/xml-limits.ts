import { SaxesParser } from 'saxes';
import { unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';

/**
 * A streaming pass over XML text that bounds what a DOM would cost before one is built: element
 * count and nesting depth, and no DOCTYPE (KML never needs one; it is how entity bombs start).
 * 10 MB of `<a/>` used to become ~2 GB of xmldom heap; here it costs a counter and stops at the cap.
 * Syntax errors are left for the DOM parser to report in its own words.
 */
export function assertXmlWithinLimits(
  text: string,
  limits: { maxElements: number; maxDepth: number } = { maxElements: LIMITS.importMaxXmlElements, maxDepth: LIMITS.importMaxXmlDepth },
): void {
  const parser = new SaxesParser({ xmlns: false });
  let elements = 0;
  let depth = 0;
  let refusal: Error | undefined;
  const stop = (e: Error) => {
    refusal ??= e;
    throw e; // unwinds out of write(): no more work on this text
  };
  parser.on('error', () => undefined); // syntax: xmldom reports it
  parser.on('doctype', () =>
    stop(unprocessable('XML_DOCTYPE', 'KML 文件不应包含 DOCTYPE 声明。', 'A KML file must not contain a DOCTYPE declaration.')),
  );
  parser.on('opentagstart', () => {
    elements++;
    depth++;
    if (elements > limits.maxElements)
      stop(unprocessable('XML_TOO_MANY_ELEMENTS', `KML 元素过多（超过 ${limits.maxElements} 个）。`, `The KML has too many elements (more than ${limits.maxElements}).`));
    if (depth > limits.maxDepth)
      stop(unprocessable('XML_TOO_DEEP', `KML 嵌套层级过深（超过 ${limits.maxDepth} 层）。`, `The KML is nested too deeply (more than ${limits.maxDepth} levels).`));
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    // In slices, so a refusal stops the pass early.
    const SLICE = 1 << 16;
    for (let i = 0; i < text.length; i += SLICE) parser.write(text.slice(i, i + SLICE));
    parser.close();
  } catch (e) {
    if (refusal) throw refusal;
    // saxes cannot continue past some errors; the DOM parser gives the planner the reason.
  }
}
