/**
 * A bare report: a title and a few words, without an error, code or a file name. Both the file ranking and the bug
 * type then rest on a word or two of the title, and none of the labelled issues the models learned from is that
 * bare (they were chosen for having fixes), so no learned weight or calibration covers such reports. One definition,
 * so the comment's cautions about the files and about the type always agree.
 */

/** Fewer prose words than this, and nothing else to hold on to, is a report that says too little. */
export const THIN_REPORT_WORDS = 12;

/** What the report gives to hold on to besides its title (the pipeline's IssueAnchors). */
export interface ReportAnchors {
  /** Words of the reporter's prose (outside code and logs); absent when unknown. */
  proseWords?: number;
  tracebackFramesInRepo: number;
  identifierCount: number;
  mentionedPaths: number;
}

/** True when the report says little: few prose words and no traceback, code identifier or file name. */
export function reportSaysLittle(anchors: ReportAnchors): boolean {
  return (
    anchors.proseWords !== undefined &&
    anchors.proseWords < THIN_REPORT_WORDS &&
    anchors.tracebackFramesInRepo === 0 &&
    anchors.identifierCount === 0 &&
    anchors.mentionedPaths === 0
  );
}

/** The reason shown in the comment. */
export const BARE_REPORT_REASON = "the report says little (no error, code or file name)";
