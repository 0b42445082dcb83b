/** The product version, shown in comments and recorded in results so a ranking can be traced to its code. */
export const MLTRIAGE_VERSION = "0.1.0";
