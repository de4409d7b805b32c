/**
 * The stages of commissioning an Equality Assessment can be made at. Its own module, free of the schemas,
 * so the command line can offer them in --help without loading zod.
 */
export const equalityStages = ["needs-analysis", "procurement", "decommissioning"] as const;
export type EqualityStage = (typeof equalityStages)[number];
