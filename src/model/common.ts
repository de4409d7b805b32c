import { z } from "zod";

/** Ids are referred to from other files and sheet metadata, so keep them simple and stable. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "ids use letters, digits, '-', '_' and '.' and start with a letter or digit");

export const NonEmptyText = z.string().trim().min(1, "must not be empty");

/** Pounds; pence allowed. Above £1 trillion is a typing mistake, not a tender. */
export const Money = z.number().nonnegative().max(1e12);

export const IsoDate = z.iso.date("use the form YYYY-MM-DD, e.g. 2026-11-21");

export const Percent = z.number().min(0).max(100);

/** A weight: a percentage, or points of a total the model states (60, 40 and 30 of 130). Above a million is a typing mistake. */
export const Weight = z.number().nonnegative().max(1e6);
