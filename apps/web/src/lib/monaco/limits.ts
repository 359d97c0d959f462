/** Bodies above this many characters skip Monaco for the virtualised LargeBodyViewer. */
export const LARGE_TEXT = 1_000_000;

/** How much of a huge raw body the Raw view shows; Copy and Save always use the whole body. */
export const RAW_PREVIEW = 200_000;
