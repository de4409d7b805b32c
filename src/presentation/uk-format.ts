/**
 * UK number and date formatting moved to `src/language/uk-format.ts`, below the problems layer, so the one
 * findings formatter can write "£1,015,000" without importing upwards. This re-export keeps older imports
 * (the CLI, the what-if page) compiling while they move over.
 */
export * from "../language/uk-format.js";
