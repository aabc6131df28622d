/**
 * Where an analyst's metadata sidecar sits beside a source. Apart from the sidecar's parser
 * (sidecar.ts, which loads the YAML parser and zod) so a build that has nothing to redo can look
 * for sidecars without loading either.
 */

/** The sidecar's path for a source file: `dir/NAME.meta.yaml` for `dir/NAME.pdf`. */
export const sidecarPath = (sourcePath: string): string => sourcePath.replace(/\.[^./\\]+$/, '') + '.meta.yaml';
