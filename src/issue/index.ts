/** Issue text parsing: tracebacks, code, exception messages, API names, identifiers, paths; frame-to-file mapping. */
export type { ExceptionMessage, FrameMapping, ParsedIssue, Traceback, TracebackFrame } from "./types.js";
export { parseTracebacks, locateTracebacks, type LocatedTraceback } from "./tracebacks.js";
export { parseIssue } from "./parse-issue.js";
export { mapFrameToRepo, indexRepoPaths, normaliseFramePath, type RepoPathIndex } from "./map-frame.js";
export { cleanMessage } from "./exception-messages.js";
export { splitMarkdown, findInlineCode, type CodeBlock } from "./markdown.js";
export { matchesMessageTemplate, templateParts, MIN_FIXED_WORD_CHARS } from "./message-template.js";
export { asQuotedLine, normalizeSourceLine, quotedSourceLines } from "./source-lines.js";
