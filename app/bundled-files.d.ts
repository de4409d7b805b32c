// Made by app/build.mjs: the files the package ships beside its code, as base64, keyed by their path in the
// package (templates/*.docx, policies/uk-default.yaml, scoring-models/*.yaml).
declare module "virtual:bundled-files" {
  export const bundledFiles: Record<string, string>;
}
