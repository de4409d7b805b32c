// Made by app/build.mjs: the files the package ships beside its code, as base64, keyed by their path in the package.
declare module "virtual:bundled-files" {
  export const bundledFiles: Record<
    "templates/evaluation-report.docx" | "templates/assessment-summary.docx" | "templates/user-panel-form.docx" | "templates/equality-assessment.docx" | "policies/uk-default.yaml",
    string
  > &
    Record<`scoring-models/${string}.yaml`, string | undefined>;
}
