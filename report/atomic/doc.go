// Package atomic writes output files so that a reader never sees half of one.
//
// Every file nfi writes (reports, rejects, quality figures, fixtures, the
// submission export) goes through [WriteFile] or [Create]: the bytes go to a
// temporary file in the destination's directory, are synced, and the
// temporary file is renamed over the destination only when everything was
// written. On any error the temporary file is removed and the destination is
// left as it was. Files are created readable and writable by their owner only
// (0600) and directories 0700, because nfi's outputs hold personal data.
package atomic
