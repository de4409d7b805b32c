import { ScoredSectionKey, sectionTitles, type KnownSectionKey, type ScoredSection, type ScoringModel, type SectionKind } from "./scoring-model.js";

/**
 * One home for "which scored sections does this model have": the known three (quality, social value, user
 * panel) in that order, then any further sections in the order the model gives them. Every layer that walks
 * the sections takes them from here, so a further section is scored, read back, reviewed and shown alike.
 */
export interface SectionEntry {
  key: string;
  kind: SectionKind;
  /** The usual title of a known section (Quality, Social value, User panel) or a further section's own title. */
  name: string;
  section: ScoredSection;
  /** One of the three known keys, rather than a further section. */
  known: boolean;
}

const knownKinds: Record<KnownSectionKey, SectionKind> = { quality: "quality", socialValue: "social-value", userPanel: "user-panel" };

export function isKnownSectionKey(key: string): key is KnownSectionKey {
  return (ScoredSectionKey.options as readonly string[]).includes(key);
}

type Sections = Pick<ScoringModel, "sections">;

export function scoredSections(model: Sections): SectionEntry[] {
  const known = ScoredSectionKey.options.flatMap((key) => {
    const section = model.sections[key];
    return section === undefined ? [] : [{ key, kind: knownKinds[key], name: sectionTitles[key], section, known: true }];
  });
  const further = Object.entries(model.sections).flatMap(([key, section]) => {
    if (key === "price" || isKnownSectionKey(key) || section === undefined || !("kind" in section)) return [];
    return [{ key, kind: section.kind, name: section.title, section, known: false }];
  });
  return [...known, ...further];
}

/** The scored section under a key, known or further. */
export function scoredSection(model: Sections, key: string): ScoredSection | undefined {
  return scoredSections(model).find((s) => s.key === key)?.section;
}

export function sectionEntry(model: Sections, key: string): SectionEntry | undefined {
  return scoredSections(model).find((s) => s.key === key);
}

/** The section's kind: the known keys' implicit kind, or what a further section states. */
export function sectionKind(model: Sections, key: string): SectionKind | undefined {
  return sectionEntry(model, key)?.kind;
}

/** A section's name where the usual title is shown (Price, Quality, …) or a further section's own title. */
export function sectionName(model: Sections, key: string): string {
  if (key === "price") return sectionTitles.price;
  return sectionEntry(model, key)?.name ?? key;
}

/** The usual title of a known key (price too); for any other key, the title given, else the key itself. */
export function titleOfKey(key: string, title?: string): string {
  return (sectionTitles as Record<string, string>)[key] ?? title ?? key;
}

/** The sections of a kind, e.g. every quality-kind section for the review's quality-against-price rule. */
export function sectionsOfKind(model: Sections, kind: SectionKind): SectionEntry[] {
  return scoredSections(model).filter((s) => s.kind === kind);
}
